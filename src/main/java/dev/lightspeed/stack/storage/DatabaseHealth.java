package dev.lightspeed.stack.storage;

import javax.sql.DataSource;

import dev.lightspeed.stack.health.ComponentCheck;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database as a component of {@code /v1/health}: does it answer {@code SELECT 1}.
 */
public final class DatabaseHealth {

	private DatabaseHealth() {
	}

	/**
	 * The check of a database.
	 * @param component its name in the report
	 * @param dataSource the database
	 * @param vendor its vendor
	 * @return the check
	 */
	public static ComponentCheck of(String component, DataSource dataSource, DatabaseVendor vendor) {
		JdbcClient jdbc = JdbcClient.create(dataSource);
		return ComponentCheck.of(component, true, () -> {
			jdbc.sql("SELECT 1").query(Integer.class).single();
			return vendor.id();
		});
	}

}
