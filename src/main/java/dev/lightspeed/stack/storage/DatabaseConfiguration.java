package dev.lightspeed.stack.storage;

import javax.sql.DataSource;

import dev.lightspeed.stack.config.LightspeedConfiguration;

import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database of the {@code database} section. Spring Boot's Flyway runs our migrations
 * on it at start-up and then offers a {@code JdbcClient}.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	@Bean
	DatabaseVendor databaseVendor(LightspeedConfiguration configuration) {
		return DatabaseVendor.of(configuration.database());
	}

	@Bean(destroyMethod = "close")
	DataSource dataSource(LightspeedConfiguration configuration) {
		return DataSources.create(configuration.database());
	}

	@Bean
	FlywayConfigurationCustomizer lightspeedFlywayCustomizer(DatabaseVendor vendor) {
		return (flyway) -> DatabaseMigrations.configure(flyway, vendor);
	}

}
