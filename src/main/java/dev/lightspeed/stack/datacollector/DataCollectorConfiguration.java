package dev.lightspeed.stack.datacollector;

import dev.lightspeed.stack.config.UserDataCollectionConfig;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the {@link DataCollector} when
 * {@code user_data_collection.data_collector.enabled} is true (the configuration then
 * guarantees URL, token and service name).
 */
@Configuration(proxyBeanMethods = false)
class DataCollectorConfiguration {

	@Bean
	SmartLifecycle dataCollector(UserDataCollectionConfig userData) {
		return userData.dataCollector().enabled() ? new DataCollector(userData) : new Disabled();
	}

	/** Stands in when the collector is off: never started. */
	static final class Disabled implements SmartLifecycle {

		@Override
		public boolean isAutoStartup() {
			return false;
		}

		@Override
		public void start() {
		}

		@Override
		public void stop() {
		}

		@Override
		public boolean isRunning() {
			return false;
		}

	}

}
