package dev.lightspeed.stack.auth;

import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.errors.ErrorResponses;
import dev.lightspeed.stack.support.TestConfigurations;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Security headers are written before the handler runs: a streaming handler gives the
 * response to another thread, and nothing may add headers to it after that.
 */
@WebMvcTest(SecurityHeadersTests.HeaderProbe.class)
@Import({ SecurityConfiguration.class, ErrorResponses.class, SecurityHeadersTests.HeaderProbe.class })
class SecurityHeadersTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void securityHeadersShouldBeOnTheResponseWhenTheHandlerRuns() {
		assertThat(this.mvc.get().uri("/probe/headers")).hasStatusOk()
			.hasHeader("X-Content-Type-Options", "nosniff")
			.hasBodyTextEqualTo("X-Content-Type-Options=nosniff X-Frame-Options=DENY");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Configuration {

		@Bean
		LightspeedConfiguration lightspeedConfiguration() {
			return TestConfigurations.minimal("http://localhost:8321");
		}

	}

	@RestController
	static class HeaderProbe {

		@GetMapping("/probe/headers")
		String headers(HttpServletResponse response) {
			return "X-Content-Type-Options=" + response.getHeader("X-Content-Type-Options") + " X-Frame-Options="
					+ response.getHeader("X-Frame-Options");
		}

	}

}
