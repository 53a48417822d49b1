package dev.lightspeed.stack.storage;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The schema migrations: SQL per vendor in {@code db/migration/<vendor>} plus
 * {@link ConversationColumnsMigration}. A database that LCS 0.2.0 created (tables, no
 * Flyway history) is baselined at version 0, so every migration runs on it; they are
 * written to be no-ops for what already exists.
 */
public final class DatabaseMigrations {

	private DatabaseMigrations() {
	}

	/**
	 * Applies our settings to a Flyway configuration.
	 * @param configuration the configuration
	 * @param vendor the database
	 * @return the configuration
	 */
	public static FluentConfiguration configure(FluentConfiguration configuration, DatabaseVendor vendor) {
		return configuration.locations("classpath:db/migration/" + vendor.id())
			.javaMigrations(new ConversationColumnsMigration())
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.baselineDescription("LCS 0.2.0 schema");
	}

	/**
	 * Migrates a database (for tests and tools; the application lets Spring Boot run
	 * Flyway with {@link #configure}).
	 * @param dataSource the database
	 * @param vendor its vendor
	 */
	public static void migrate(DataSource dataSource, DatabaseVendor vendor) {
		configure(Flyway.configure(), vendor).dataSource(dataSource).load().migrate();
	}

}
