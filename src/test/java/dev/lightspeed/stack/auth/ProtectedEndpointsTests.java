package dev.lightspeed.stack.auth;

import dev.lightspeed.stack.config.ConfigurationSections;
import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.errors.ErrorResponses;
import dev.lightspeed.stack.support.TestConfigurations;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which routes authenticate (LCS 0.2.0 §1; {@code /v1/shields} as in 0.3.x, the MCP
 * routes as in 0.4-0.5), seen through {@code noop-with-token}: a protected route without
 * a token is refused, an open one is not asked for one.
 */
@WebMvcTest(AuthorizedController.class)
@Import({ SecurityConfiguration.class, ConfigurationSections.class, ErrorResponses.class,
		ProtectedEndpointsTests.Routes.class })
class ProtectedEndpointsTests {

	@Autowired
	MockMvcTester mvc;

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "POST, /v1/query", "POST, /v1/streaming_query", "POST, /v1/feedback", "GET, /v1/conversations",
			"GET, /v1/conversations/abc", "DELETE, /v1/conversations/abc", "PUT, /v1/conversations/abc",
			"GET, /v2/conversations", "GET, /v2/conversations/abc", "PUT, /v2/conversations/abc",
			"DELETE, /v2/conversations/abc", "POST, /authorized", "GET, /v1/shields", "GET, /v1/mcp-servers",
			"POST, /v1/mcp-servers", "DELETE, /v1/mcp-servers/tools", "GET, /v1/mcp-auth/client-options",
			"PUT, /v1/feedback/status", "POST, /v1/responses", "GET, /v1/vector-stores", "POST, /v1/vector-stores",
			"GET, /v1/vector-stores/vs1", "PUT, /v1/vector-stores/vs1", "DELETE, /v1/vector-stores/vs1",
			"GET, /v1/vector-stores/vs1/files", "POST, /v1/vector-stores/vs1/files",
			"GET, /v1/vector-stores/vs1/files/f1", "DELETE, /v1/vector-stores/vs1/files/f1", "POST, /v1/files",
			"DELETE, /v1/files/f1", "GET, /v1/providers", "GET, /v1/providers/p1", "GET, /v1/tools", "GET, /v1/rags",
			"GET, /v1/rags/r1", "GET, /v1/prompts", "POST, /v1/prompts", "GET, /v1/prompts/p1", "PUT, /v1/prompts/p1",
			"DELETE, /v1/prompts/p1" })
	void protectedRouteShouldRequireAToken(String method, String path) {
		assertThat(this.mvc.method(HttpMethod.valueOf(method)).uri(path)).hasStatus(400)
			.hasBodyTextEqualTo("{\"detail\":\"No Authorization header found\"}");
		assertThat(this.mvc.method(HttpMethod.valueOf(method))
			.uri(path + "?user_id=u1")
			.header(HttpHeaders.AUTHORIZATION, "Bearer t")).hasStatusOk().hasBodyTextEqualTo(expectedBody(path));
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "GET, /", "GET, /v1/info", "GET, /v1/models", "GET, /v1/config", "GET, /v1/feedback/status",
			"GET, /readiness", "GET, /liveness", "GET, /metrics" })
	void openRouteShouldNotAskForCredentials(String method, String path) {
		assertThat(this.mvc.method(HttpMethod.valueOf(method)).uri(path)).hasStatusOk().hasBodyTextEqualTo("open");
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "GET, /v1/query", "GET, /authorized", "PATCH, /v1/conversations/abc" })
	void wrongMethodShouldBe405BeforeAuthentication(String method, String path) {
		assertThat(this.mvc.method(HttpMethod.valueOf(method)).uri(path)).hasStatus(405);
	}

	private static String expectedBody(String path) {
		return "/authorized".equals(path) ? "{\"user_id\":\"u1\",\"username\":\"lightspeed-user\"}" : "u1";
	}

	@RestController
	static class Routes {

		@RequestMapping(path = { "/v1/query", "/v1/streaming_query", "/v1/feedback", "/v1/mcp-servers",
				"/v1/streaming_query/interrupt" }, method = RequestMethod.POST)
		String post(@AuthenticationPrincipal AuthenticatedUser user) {
			return user.userId();
		}

		@RequestMapping(path = { "/v1/conversations", "/v2/conversations", "/v1/shields", "/v1/mcp-servers",
				"/v1/mcp-auth/client-options" }, method = RequestMethod.GET)
		String list(@AuthenticationPrincipal AuthenticatedUser user) {
			return user.userId();
		}

		@RequestMapping(path = "/v1/conversations/{id}",
				method = { RequestMethod.GET, RequestMethod.DELETE, RequestMethod.PUT })
		String v1(@AuthenticationPrincipal AuthenticatedUser user) {
			return user.userId();
		}

		@RequestMapping(path = "/v1/mcp-servers/{name}", method = RequestMethod.DELETE)
		String mcpServer(@AuthenticationPrincipal AuthenticatedUser user) {
			return user.userId();
		}

		@RequestMapping(path = "/v2/conversations/{id}",
				method = { RequestMethod.GET, RequestMethod.PUT, RequestMethod.DELETE })
		String v2(@AuthenticationPrincipal AuthenticatedUser user) {
			return user.userId();
		}

		// the routes of LCS 0.3-0.7 (issue 29), each method a client calls
		@RequestMapping(
				path = { "/v1/responses", "/v1/vector-stores", "/v1/vector-stores/{id}", "/v1/vector-stores/{id}/files",
						"/v1/vector-stores/{id}/files/{fileId}", "/v1/files", "/v1/files/{id}", "/v1/providers",
						"/v1/providers/{id}", "/v1/tools", "/v1/rags", "/v1/rags/{id}", "/v1/prompts",
						"/v1/prompts/{id}" },
				method = { RequestMethod.POST, RequestMethod.PUT, RequestMethod.DELETE, RequestMethod.GET })
		String knowledge(@AuthenticationPrincipal AuthenticatedUser user) {
			return user.userId();
		}

		// reading the feedback status is open, changing it is not
		@RequestMapping(path = "/v1/feedback/status", method = RequestMethod.PUT)
		String feedbackStatus(@AuthenticationPrincipal AuthenticatedUser user) {
			return user.userId();
		}

		@RequestMapping(path = { "/", "/v1/info", "/v1/models", "/v1/config", "/v1/feedback/status", "/readiness",
				"/liveness", "/metrics" }, method = RequestMethod.GET)
		String open() {
			return "open";
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Configuration {

		@Bean
		LightspeedConfiguration lightspeedConfiguration() {
			return TestConfigurations.minimalWith("""
					authentication:
					  module: noop-with-token
					""");
		}

	}

}
