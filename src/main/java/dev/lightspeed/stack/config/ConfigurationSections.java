package dev.lightspeed.stack.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The sections of {@code lightspeed-stack.yaml} as beans, so that a feature injects the
 * section it reads rather than the whole configuration.
 */
@Configuration(proxyBeanMethods = false)
public class ConfigurationSections {

	@Bean
	ServiceConfig service(LightspeedConfiguration configuration) {
		return configuration.service();
	}

	@Bean
	AuthenticationConfig authentication(LightspeedConfiguration configuration) {
		return configuration.authentication();
	}

	@Bean
	UserDataCollectionConfig userDataCollection(LightspeedConfiguration configuration) {
		return configuration.userDataCollection();
	}

	@Bean
	DatabaseConfig database(LightspeedConfiguration configuration) {
		return configuration.database();
	}

	@Bean
	InferenceConfig inference(LightspeedConfiguration configuration) {
		return configuration.inference();
	}

}
