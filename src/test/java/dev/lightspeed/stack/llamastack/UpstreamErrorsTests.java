package dev.lightspeed.stack.llamastack;

import java.net.ServerSocket;
import java.time.Duration;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How Llama Stack's failures reach callers: error statuses as
 * {@link LlamaStackApiException} with the text from any of its error body shapes,
 * connection failures as {@link LlamaStackUnavailableException}.
 */
class UpstreamErrorsTests {

	@RegisterExtension
	static WireMockExtension llamaStack = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	private LlamaStackApiException apiErrorFor(int status, String body) {
		llamaStack.stubFor(get("/v1/models").willReturn(aResponse().withStatus(status).withBody(body)));
		return org.assertj.core.api.Assertions.catchThrowableOfType(LlamaStackApiException.class,
				() -> TestClients.agents(llamaStack.baseUrl(), null).models());
	}

	@Test
	void detailStringShouldBeTheMessage() {
		LlamaStackApiException ex = apiErrorFor(400, "{\"detail\":\"Invalid value: Could not find agent info for x\"}");

		assertThat(ex.upstreamStatus()).isEqualTo(400);
		assertThat(ex.getMessage()).isEqualTo("Error code: 400 - Invalid value: Could not find agent info for x");
		assertThat(ex.isNotFound()).isTrue();
	}

	@Test
	void detailObjectShouldBeItsJson() {
		assertThat(apiErrorFor(422, "{\"detail\": {\"errors\": [{\"msg\": \"bad\"}]}}").getMessage())
			.isEqualTo("Error code: 422 - {\"errors\":[{\"msg\":\"bad\"}]}");
	}

	@Test
	void errorMessageShouldBeTheMessage() {
		LlamaStackApiException ex = apiErrorFor(426,
				"{\"error\":{\"message\":\"Client version 0.1 is not compatible with server version 0.2.22\"}}");

		assertThat(ex.getMessage())
			.isEqualTo("Error code: 426 - Client version 0.1 is not compatible with server version 0.2.22");
		assertThat(ex.isNotFound()).isFalse();
	}

	@Test
	void errorDetailShouldBeTheMessage() {
		assertThat(apiErrorFor(400, "{\"error\":{\"detail\":{\"errors\":[{\"loc\":[\"body\"],\"msg\":\"x\"}]}}}")
			.getMessage()).isEqualTo("Error code: 400 - {\"errors\":[{\"loc\":[\"body\"],\"msg\":\"x\"}]}");
		assertThat(apiErrorFor(500, "{\"error\":{\"detail\":\"boom\"}}").getMessage())
			.isEqualTo("Error code: 500 - boom");
	}

	@Test
	void nonJsonBodyShouldBeTheMessageAndAnEmptyOneTheStatus() {
		assertThat(apiErrorFor(502, "Bad Gateway").getMessage()).isEqualTo("Error code: 502 - Bad Gateway");
		assertThat(apiErrorFor(503, "").getMessage()).isEqualTo("Error code: 503 - HTTP 503");
	}

	@Test
	void notFoundShouldBeRecognised() {
		assertThat(apiErrorFor(404, "{\"detail\":\"Model 'nope' not found.\"}").isNotFound()).isTrue();
		assertThat(apiErrorFor(400, "{\"detail\":\"Invalid value: Session 'x' not found or access denied.\"}")
			.isNotFound()).isTrue();
	}

	@Test
	void refusedConnectionShouldBeUnavailableWithConnectionError() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		AgentsApiBackend backend = TestClients.agents("http://127.0.0.1:" + port, null);

		assertThatExceptionOfType(LlamaStackUnavailableException.class).isThrownBy(backend::models)
			.satisfies((ex) -> assertThat(ex.getMessage())
				.startsWith("Unable to connect to Llama Stack: Connection error. (HttpHostConnectException"));
	}

	@Test
	void brokenResponseShouldBeUnavailableWithConnectionError() {
		llamaStack.stubFor(get("/v1/models").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		assertThatExceptionOfType(LlamaStackUnavailableException.class)
			.isThrownBy(() -> TestClients.agents(llamaStack.baseUrl(), null).models())
			.satisfies((ex) -> assertThat(ex.getMessage())
				.startsWith("Unable to connect to Llama Stack: Connection error."));
	}

	@Test
	void slowAnswerShouldBeATimeout() {
		llamaStack.stubFor(get("/v1/models").willReturn(okJson("{\"data\": []}").withFixedDelay(2000)));
		LlamaStackHttp http = TestClients.http(llamaStack.baseUrl(), null,
				TestClients.properties(Duration.ofMillis(200)));

		assertThatExceptionOfType(LlamaStackUnavailableException.class)
			.isThrownBy(() -> new AgentsApiBackend(http, Duration.ZERO).models())
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("Request timed out."));
		llamaStack.verify(1, getRequestedFor(urlEqualTo("/v1/models")));
	}

}
