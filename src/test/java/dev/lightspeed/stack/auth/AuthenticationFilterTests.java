package dev.lightspeed.stack.auth;

import dev.lightspeed.stack.config.ConfigurationSections;
import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.errors.ErrorResponses;
import dev.lightspeed.stack.support.TestConfigurations;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

@WebMvcTest(AuthorizedController.class)
@Import({ SecurityConfiguration.class, ConfigurationSections.class, ErrorResponses.class })
class AuthenticationFilterTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void unexpectedModuleFailureShouldBeA500InTheUsualShape() {
		assertThat(this.mvc.post().uri("/authorized")).hasStatus(500)
			.hasBodyTextEqualTo("{\"detail\":{\"response\":\"Internal server error\","
					+ "\"cause\":\"Authentication failed unexpectedly\"}}");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Configuration {

		@Bean
		LightspeedConfiguration lightspeedConfiguration() {
			return TestConfigurations.minimal("http://localhost:8321");
		}

		@Bean
		@Primary
		AuthenticationModule brokenModule() {
			return (request) -> {
				throw new IllegalStateException("bug");
			};
		}

	}

}
