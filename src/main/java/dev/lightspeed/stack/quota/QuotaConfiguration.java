package dev.lightspeed.stack.quota;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import dev.lightspeed.stack.config.DatabaseConfig;
import dev.lightspeed.stack.config.QuotaHandlersConfig;
import dev.lightspeed.stack.health.HealthChecks;
import dev.lightspeed.stack.storage.DataSources;
import dev.lightspeed.stack.storage.DatabaseHealth;
import dev.lightspeed.stack.storage.DatabaseSchema;
import dev.lightspeed.stack.storage.DatabaseVendor;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The quotas: their counters in {@code quota_handlers}' own database when it names one,
 * else in the service's; the configured limiters' settings brought up to date at start;
 * the scheduler that restores them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QuotaProperties.class)
class QuotaConfiguration {

	/** How often the scheduler looks when {@code quota_handlers} does not say. */
	static final Duration DEFAULT_PERIOD = Duration.ofMinutes(1);

	@Bean(destroyMethod = "close")
	QuotaDatabase quotaDatabase(@Nullable QuotaHandlersConfig quotas, DataSource dataSource, DatabaseVendor vendor) {
		DatabaseConfig own = (quotas != null) ? quotas.database() : null;
		if (own == null) {
			return new QuotaDatabase(dataSource, vendor, null);
		}
		DataSource pool = DataSources.create(own);
		try {
			DatabaseSchema.applyQuotaTables(pool, DatabaseVendor.of(own));
		}
		catch (RuntimeException ex) {
			DataSources.close(pool);
			throw ex;
		}
		return new QuotaDatabase(pool, DatabaseVendor.of(own), pool);
	}

	// the service's database is reported on already
	@Bean
	HealthChecks quotaDatabaseHealth(QuotaDatabase database) {
		return () -> (database.own() != null)
				? List.of(DatabaseHealth.of("quota_database", database.dataSource(), database.vendor())) : List.of();
	}

	@Bean
	QuotaStore quotaStore(QuotaDatabase database, QuotaProperties properties, @Nullable QuotaHandlersConfig quotas) {
		QuotaStore store = new QuotaStore(database.dataSource(), database.vendor(), Clock.systemUTC(),
				properties.reservationTimeout());
		if (quotas != null) {
			quotas.limiters().forEach((limiter) -> store.configure(Quotas.counter(limiter, "")));
		}
		return store;
	}

	@Bean
	RequestRates requestRates(QuotaProperties properties) {
		return new RequestRates(properties.requestsPerMinute());
	}

	@Bean
	Quotas quotas(QuotaStore store, @Nullable QuotaHandlersConfig quotas, RequestRates rates,
			QuotaProperties properties) {
		return new Quotas(store, quotas, rates, properties.reservation());
	}

	@Bean
	QuotaScheduler quotaScheduler(QuotaStore store, RequestRates rates, @Nullable QuotaHandlersConfig quotas) {
		return new QuotaScheduler(store, rates,
				(quotas != null) ? Duration.ofSeconds(quotas.scheduler().period()) : DEFAULT_PERIOD);
	}

	/**
	 * Where the counters live.
	 *
	 * @param dataSource the database
	 * @param vendor its vendor
	 * @param own the pool opened for {@code quota_handlers}' own database, closed with
	 * the application; null when the counters share the service's
	 */
	record QuotaDatabase(DataSource dataSource, DatabaseVendor vendor, @Nullable DataSource own) {

		void close() {
			if (this.own != null) {
				DataSources.close(this.own);
			}
		}

	}

}
