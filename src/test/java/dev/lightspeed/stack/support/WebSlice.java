package dev.lightspeed.stack.support;

import dev.lightspeed.stack.auth.SecurityConfiguration;
import dev.lightspeed.stack.config.ConfigurationSections;
import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.errors.ErrorResponses;
import dev.lightspeed.stack.limits.RequestLimits;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * What a {@code @WebMvcTest} slice needs besides its controller: the real security filter
 * chain, the error renderer, the request limits and a minimal configuration with its
 * sections. Import it, and override the configuration with a {@code @Primary} bean when a
 * test needs another one.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ SecurityConfiguration.class, ConfigurationSections.class, ErrorResponses.class })
@EnableConfigurationProperties(RequestLimits.class)
public class WebSlice {

	@Bean
	LightspeedConfiguration lightspeedConfiguration() {
		return TestConfigurations.minimal("http://localhost:8321");
	}

}
