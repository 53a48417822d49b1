package dev.lightspeed.stack.storage;

import java.util.List;

import javax.sql.DataSource;

import dev.lightspeed.stack.config.DatabaseConfig;
import dev.lightspeed.stack.health.HealthChecks;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database of the {@code database} section, its tables brought up to date
 * ({@link DatabaseSchema}) before anything uses it; Spring Boot then offers a
 * {@code JdbcClient}.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	@Bean
	DatabaseVendor databaseVendor(DatabaseConfig database) {
		return DatabaseVendor.of(database);
	}

	@Bean(destroyMethod = "close")
	DataSource dataSource(DatabaseConfig database, DatabaseVendor vendor) {
		DataSource dataSource = DataSources.create(database);
		try {
			DatabaseSchema.apply(dataSource, vendor);
		}
		catch (RuntimeException ex) {
			DataSources.close(dataSource);
			throw ex;
		}
		return dataSource;
	}

	@Bean
	HealthChecks databaseHealth(DataSource dataSource, DatabaseVendor vendor) {
		return () -> List.of(DatabaseHealth.of("database", dataSource, vendor));
	}

}
