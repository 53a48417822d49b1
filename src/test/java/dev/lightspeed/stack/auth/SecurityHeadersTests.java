package dev.lightspeed.stack.auth;

import dev.lightspeed.stack.support.WebSlice;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
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
@Import({ WebSlice.class, SecurityHeadersTests.HeaderProbe.class })
class SecurityHeadersTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void securityHeadersShouldBeOnTheResponseWhenTheHandlerRuns() {
		assertThat(this.mvc.get().uri("/probe/headers")).hasStatusOk()
			.hasHeader("X-Content-Type-Options", "nosniff")
			.hasBodyTextEqualTo("X-Content-Type-Options=nosniff X-Frame-Options=DENY");
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
