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
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code noop}, the default module (LCS 0.2.0 §3.2, §9.8).
 */
@WebMvcTest(AuthorizedController.class)
@Import({ SecurityConfiguration.class, ConfigurationSections.class, ErrorResponses.class })
class NoopAuthenticationTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void defaultUserShouldBeAuthorized() {
		assertThat(this.mvc.post().uri("/authorized")).hasStatusOk()
			.hasBodyTextEqualTo("{\"user_id\":\"00000000-0000-0000-0000-000\",\"username\":\"lightspeed-user\"}");
	}

	@Test
	void userIdParameterShouldOverrideTheDefaultUnlessItCannotBeStored() {
		assertThat(this.mvc.post().uri("/authorized?user_id=bob")).hasStatusOk()
			.hasBodyTextEqualTo("{\"user_id\":\"bob\",\"username\":\"lightspeed-user\"}");
		assertThat(this.mvc.post().uri("/authorized?user_id=")).hasStatus(400)
			.hasBodyTextEqualTo("{\"detail\":{\"response\":\"Invalid user ID\",\"cause\":\"A user ID must have 1 to "
					+ "255 characters and no control characters: ''\"}}");
	}

	@Test
	void credentialsShouldBeIgnored() {
		assertThat(this.mvc.post().uri("/authorized").header(HttpHeaders.AUTHORIZATION, "Basic Zm9vOmJhcg=="))
			.hasStatusOk();
	}

	@Test
	void getAuthorizedShouldBe405() {
		assertThat(this.mvc.get().uri("/authorized")).hasStatus(405);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Configuration {

		@Bean
		LightspeedConfiguration lightspeedConfiguration() {
			return TestConfigurations.minimal("http://localhost:8321");
		}

	}

}
