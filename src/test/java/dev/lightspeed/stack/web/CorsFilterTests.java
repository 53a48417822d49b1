package dev.lightspeed.stack.web;

import java.util.List;

import dev.lightspeed.stack.config.CorsConfig;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CORS with Starlette's {@code CORSMiddleware} semantics for the {@code service.cors}
 * settings.
 */
class CorsFilterTests {

	private static final CorsConfig DEFAULTS = new CorsConfig(null, null, null, null);

	private static final CorsConfig EXPLICIT = new CorsConfig(List.of("https://ui.example.com"), true,
			List.of("GET", "POST"), List.of("Authorization", "MCP-HEADERS"));

	@Test
	void defaultsAnswerAPreflightFromAnyOriginEchoingTheRequestedHeaders() throws Exception {
		MockHttpServletResponse response = preflight(DEFAULTS, "https://anywhere.example", "DELETE",
				"authorization, x-custom");
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).isEqualTo("OK");
		assertThat(response.getHeader("Access-Control-Allow-Origin")).isEqualTo("*");
		assertThat(response.getHeader("Access-Control-Allow-Methods"))
			.isEqualTo("DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT");
		assertThat(response.getHeader("Access-Control-Allow-Headers")).isEqualTo("authorization, x-custom");
		assertThat(response.getHeader("Access-Control-Max-Age")).isEqualTo("600");
		assertThat(response.getHeader("Access-Control-Allow-Credentials")).isNull();
		assertThat(response.getHeader("Vary")).isNull();
	}

	@Test
	void preflightIsAnsweredWithoutReachingTheApplication() throws Exception {
		MockFilterChain chain = new MockFilterChain();
		run(DEFAULTS, request("OPTIONS", "https://a.example").withMethod("POST"), chain);
		assertThat(chain.getRequest()).isNull();
	}

	@Test
	void explicitListsEchoAnAllowedOriginAndListTheirHeaders() throws Exception {
		MockHttpServletResponse response = preflight(EXPLICIT, "https://ui.example.com", "POST", "Authorization");
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getHeader("Access-Control-Allow-Origin")).isEqualTo("https://ui.example.com");
		assertThat(response.getHeader("Access-Control-Allow-Methods")).isEqualTo("GET, POST");
		assertThat(response.getHeader("Access-Control-Allow-Headers"))
			.isEqualTo("Accept, Accept-Language, Authorization, Content-Language, Content-Type, MCP-HEADERS");
		assertThat(response.getHeader("Access-Control-Allow-Credentials")).isEqualTo("true");
		assertThat(response.getHeader("Vary")).isEqualTo("Origin");
	}

	@Test
	void disallowedOriginMethodAndHeaderAreNamedInA400() throws Exception {
		MockHttpServletResponse response = preflight(EXPLICIT, "https://evil.example", "DELETE", "X-Other");
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentAsString()).isEqualTo("Disallowed CORS origin, method, headers");
		assertThat(response.getContentType()).startsWith("text/plain");
		assertThat(response.getHeader("Access-Control-Allow-Origin")).isNull();
		assertThat(preflight(EXPLICIT, "https://ui.example.com", "GET", "content-type, mcp-headers").getStatus())
			.isEqualTo(200);
		assertThat(preflight(EXPLICIT, "https://ui.example.com", "PUT", null).getContentAsString())
			.isEqualTo("Disallowed CORS method");
	}

	@Test
	void simpleRequestFromAnyOriginGetsTheWildcard() throws Exception {
		MockFilterChain chain = new MockFilterChain();
		MockHttpServletResponse response = run(DEFAULTS, request("GET", "https://a.example"), chain);
		assertThat(chain.getRequest()).isNotNull();
		assertThat(response.getHeader("Access-Control-Allow-Origin")).isEqualTo("*");
		assertThat(response.getHeader("Vary")).isNull();
	}

	@Test
	void simpleRequestWithCookieGetsItsOriginEchoed() throws Exception {
		MockHttpServletRequest request = request("GET", "https://a.example");
		request.addHeader("Cookie", "a=b");
		MockHttpServletResponse response = run(DEFAULTS, request, new MockFilterChain());
		assertThat(response.getHeader("Access-Control-Allow-Origin")).isEqualTo("https://a.example");
		assertThat(response.getHeader("Vary")).isEqualTo("Origin");
	}

	@Test
	void simpleRequestFromAListedOriginIsEchoedAndFromAnotherIsServedWithoutAllowOrigin() throws Exception {
		MockHttpServletResponse allowed = run(EXPLICIT, request("POST", "https://ui.example.com"),
				new MockFilterChain());
		assertThat(allowed.getHeader("Access-Control-Allow-Origin")).isEqualTo("https://ui.example.com");
		assertThat(allowed.getHeader("Access-Control-Allow-Credentials")).isEqualTo("true");
		assertThat(allowed.getHeader("Vary")).isEqualTo("Origin");
		MockFilterChain chain = new MockFilterChain();
		MockHttpServletResponse refused = run(EXPLICIT, request("POST", "https://evil.example"), chain);
		assertThat(chain.getRequest()).isNotNull();
		assertThat(refused.getHeader("Access-Control-Allow-Origin")).isNull();
	}

	@Test
	void requestWithoutOriginIsUntouched() throws Exception {
		MockHttpServletResponse response = run(DEFAULTS, new MockHttpServletRequest("OPTIONS", "/v1/query"),
				new MockFilterChain());
		assertThat(response.getHeaderNames()).isEmpty();
	}

	private static MockHttpServletResponse preflight(CorsConfig config, String origin, String method, String headers)
			throws Exception {
		MockHttpServletRequest request = request("OPTIONS", origin).withMethod(method);
		if (headers != null) {
			request.addHeader("Access-Control-Request-Headers", headers);
		}
		return run(config, request, new MockFilterChain());
	}

	private static MockHttpServletResponse run(CorsConfig config, MockHttpServletRequest request, MockFilterChain chain)
			throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		new CorsFilter(new StarletteCors(config)).doFilter(request, response, chain);
		return response;
	}

	private static PreflightRequest request(String method, String origin) {
		PreflightRequest request = new PreflightRequest(method);
		request.addHeader("Origin", origin);
		return request;
	}

	private static final class PreflightRequest extends MockHttpServletRequest {

		PreflightRequest(String method) {
			super(method, "/v1/query");
		}

		PreflightRequest withMethod(String method) {
			addHeader("Access-Control-Request-Method", method);
			return this;
		}

	}

}
