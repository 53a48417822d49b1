package dev.lightspeed.stack.support;

import dev.lightspeed.stack.auth.SecurityConfiguration;
import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.errors.ErrorResponses;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * What a {@code @WebMvcTest} slice needs besides its controller: the real security filter
 * chain, the error renderer and a minimal configuration. Import it, and override the
 * configuration with a {@code @Primary} bean when a test needs another one.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ SecurityConfiguration.class, ErrorResponses.class })
public class WebSlice {

	@Bean
	LightspeedConfiguration lightspeedConfiguration() {
		return TestConfigurations.minimal("http://localhost:8321");
	}

}
