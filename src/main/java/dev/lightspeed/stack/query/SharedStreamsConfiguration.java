package dev.lightspeed.stack.query;

import java.time.Duration;

import dev.lightspeed.stack.config.DatabaseConfig;
import dev.lightspeed.stack.storage.DataSources;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * On PostgreSQL, which replicas share, the streams are published there and this replica
 * listens for interrupts sent to its own ({@link PostgresStreams}); on SQLite there is no
 * other replica. The listener runs from its creation, before the web server takes
 * requests, until the context closes, after the web server has stopped and the streams
 * have drained.
 */
@Configuration(proxyBeanMethods = false)
class SharedStreamsConfiguration {

	static final Duration INITIAL_BACKOFF = Duration.ofSeconds(1);

	static final Duration MAXIMUM_BACKOFF = Duration.ofSeconds(30);

	@Bean
	SharedStreams sharedStreams(DatabaseConfig database, JdbcClient jdbc, QueryProperties properties) {
		return (database.postgres() != null) ? new PostgresStreams(jdbc, properties.streamTimeout())
				: SharedStreams.NONE;
	}

	@Bean(destroyMethod = "close")
	AutoCloseable interruptListener(DatabaseConfig database, SharedStreams shared, ActiveStreams active) {
		DatabaseConfig.Postgres postgres = database.postgres();
		if (postgres == null || !(shared instanceof PostgresStreams streams)) {
			return () -> {
			};
		}
		return InterruptListener.start(streams,
				() -> DataSources.postgresConnection(postgres, "lightspeed-stack interrupts"), active::stop,
				INITIAL_BACKOFF, MAXIMUM_BACKOFF);
	}

}
