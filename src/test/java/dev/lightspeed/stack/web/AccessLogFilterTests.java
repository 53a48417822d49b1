package dev.lightspeed.stack.web;

import dev.lightspeed.stack.support.TestConfigurations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class AccessLogFilterTests {

	@Test
	void oneLineWithMethodPathStatusAndDurationButNoQueryOrHeaders(CapturedOutput output) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v1/conversations");
		request.setQueryString("user_id=alice&token=hidden-value");
		request.setRemoteAddr("10.1.2.3");
		request.addHeader("Authorization", "Bearer hidden-token");
		MockHttpServletResponse response = new MockHttpServletResponse();
		new AccessLogFilter().doFilter(request, response, new MockFilterChain() {
			@Override
			public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
				((MockHttpServletResponse) res).setStatus(404);
			}
		});
		assertThat(output.getOut()).containsPattern("10\\.1\\.2\\.3 - \"GET /v1/conversations HTTP/1\\.1\" 404 \\d+ ms")
			.doesNotContain("hidden", "user_id");
	}

	@Test
	void accessLogSettingSwitchesTheFilter() {
		WebConfiguration web = new WebConfiguration();
		assertThat(web.accessLogFilter(TestConfigurations.minimal("http://localhost:8321").service()).isEnabled())
			.isTrue();
		assertThat(web.accessLogFilter(TestConfigurations.yaml("""
				name: test
				service:
				  access_log: false
				llama_stack:
				  url: http://localhost:8321
				user_data_collection: {}
				""").service()).isEnabled()).isFalse();
	}

}
