package dev.lightspeed.stack.config;

import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The sections of {@code lightspeed-stack.yaml} as beans, so that a feature injects the
 * section it reads rather than the whole configuration.
 * <p>
 * An absent optional section ({@code authorization}, {@code customization},
 * {@code quota_handlers}) is a {@code null} bean: Spring registers it as a
 * {@code NullBean} and injects {@code null} where the parameter is {@code @Nullable}, and
 * refuses to start where it is not, so a feature states that the section may be absent
 * where it asks for it.
 */
@Configuration(proxyBeanMethods = false)
public class ConfigurationSections {

	@Bean
	ServiceName serviceName(LightspeedConfiguration configuration) {
		return new ServiceName(configuration.name());
	}

	@Bean
	ServiceConfig serviceConfig(LightspeedConfiguration configuration) {
		return configuration.service();
	}

	@Bean
	LlamaStackConfig llamaStackConfig(LightspeedConfiguration configuration) {
		return configuration.llamaStack();
	}

	@Bean
	UserDataCollectionConfig userDataCollectionConfig(LightspeedConfiguration configuration) {
		return configuration.userDataCollection();
	}

	@Bean
	DatabaseConfig databaseConfig(LightspeedConfiguration configuration) {
		return configuration.database();
	}

	@Bean
	McpServersConfig mcpServersConfig(LightspeedConfiguration configuration) {
		return new McpServersConfig(configuration.mcpServers());
	}

	@Bean
	AuthenticationConfig authenticationConfig(LightspeedConfiguration configuration) {
		return configuration.authentication();
	}

	@Bean
	@Nullable AuthorizationConfig authorizationConfig(LightspeedConfiguration configuration) {
		return configuration.authorization();
	}

	@Bean
	@Nullable CustomizationConfig customizationConfig(LightspeedConfiguration configuration) {
		return configuration.customization();
	}

	@Bean
	InferenceConfig inferenceConfig(LightspeedConfiguration configuration) {
		return configuration.inference();
	}

	@Bean
	@Nullable QuotaHandlersConfig quotaHandlersConfig(LightspeedConfiguration configuration) {
		return configuration.quotaHandlers();
	}

}
