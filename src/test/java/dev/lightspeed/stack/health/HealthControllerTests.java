package dev.lightspeed.stack.health;

import java.util.List;

import dev.lightspeed.stack.llamastack.LlamaStackApiException;
import dev.lightspeed.stack.llamastack.LlamaStackBackend;
import dev.lightspeed.stack.llamastack.LlamaStackUnavailableException;
import dev.lightspeed.stack.llamastack.ProviderHealth;
import dev.lightspeed.stack.shutdown.ShutdownState;
import dev.lightspeed.stack.support.ConnectedLlamaStack;
import dev.lightspeed.stack.support.WebSlice;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

@WebMvcTest(HealthController.class)
@Import({ WebSlice.class, ConnectedLlamaStack.class })
class HealthControllerTests {

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private LlamaStackBackend llamaStack;

	@MockitoBean
	private ShutdownState shutdown;

	@ParameterizedTest
	@ValueSource(strings = { "/readiness", "/v1/readiness" })
	void aStoppingServiceIsUnreadyWhateverTheProviders(String path) {
		given(this.llamaStack.providers()).willReturn(List.of(new ProviderHealth("ollama", "OK", "")));
		given(this.shutdown.stopping()).willReturn(true);
		assertThat(this.mvc.get().uri(path)).hasStatus(503)
			.bodyJson()
			.isStrictlyEqualTo("{\"ready\":false,\"reason\":\"Service is shutting down\",\"providers\":[]}");
		assertThat(this.mvc.get().uri("/liveness")).hasStatusOk();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/readiness", "/v1/readiness" })
	void readyWhenNoProviderIsInError(String path) {
		given(this.llamaStack.providers()).willReturn(List.of(new ProviderHealth("ollama", "OK", ""),
				new ProviderHealth("faiss", "Not Implemented", "no health"), new ProviderHealth("x", "unknown", "")));
		assertThat(this.mvc.get().uri(path)).hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo("{\"ready\":true,\"reason\":\"All providers are healthy\",\"providers\":[]}");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/readiness", "/v1/readiness" })
	void unreadyListsTheProvidersInError(String path) {
		given(this.llamaStack.providers()).willReturn(List.of(new ProviderHealth("ollama", "Error", "down"),
				new ProviderHealth("faiss", "OK", ""), new ProviderHealth("vllm", "Error", "timeout")));
		assertThat(this.mvc.get().uri(path)).hasStatus(503)
			.bodyJson()
			.isStrictlyEqualTo("{\"ready\":false,\"reason\":\"Providers not healthy: ollama, vllm\",\"providers\":["
					+ "{\"provider_id\":\"ollama\",\"status\":\"Error\",\"message\":\"down\"},"
					+ "{\"provider_id\":\"vllm\",\"status\":\"Error\",\"message\":\"timeout\"}]}");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/readiness", "/v1/readiness" })
	void unreachableLlamaStackIsASyntheticUnhealthyProvider(String path) {
		given(this.llamaStack.providers())
			.willThrow(new LlamaStackUnavailableException(LlamaStackUnavailableException.CONNECTION_ERROR));
		assertThat(this.mvc.get().uri(path)).hasStatus(503)
			.bodyJson()
			.isStrictlyEqualTo("{\"ready\":false,\"reason\":\"Providers not healthy: unknown\",\"providers\":["
					+ "{\"provider_id\":\"unknown\",\"status\":\"Error\","
					+ "\"message\":\"Failed to initialize health check: Connection error.\"}]}");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/readiness", "/v1/readiness" })
	void llamaStackErrorIsASyntheticUnhealthyProvider(String path) {
		given(this.llamaStack.providers()).willThrow(new LlamaStackApiException(500, "boom"));
		assertThat(this.mvc.get().uri(path)).hasStatus(503)
			.bodyJson()
			.extractingPath("$.providers[0].message")
			.isEqualTo("Failed to initialize health check: Error code: 500 - boom");
	}

	// The servlet container drops HEAD bodies; HealthIT checks that over HTTP.
	@ParameterizedTest
	@ValueSource(strings = { "/readiness", "/v1/readiness" })
	void headAnswersWithTheSameStatus(String path) {
		given(this.llamaStack.providers()).willReturn(List.of(new ProviderHealth("ollama", "Error", "down")));
		assertThat(this.mvc.head().uri(path)).hasStatus(503);
		given(this.llamaStack.providers()).willReturn(List.of());
		assertThat(this.mvc.head().uri(path)).hasStatus(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/liveness", "/v1/liveness" })
	void aliveOnGetAndHead(String path) {
		assertThat(this.mvc.get().uri(path)).hasStatusOk().bodyJson().isStrictlyEqualTo("{\"alive\":true}");
		assertThat(this.mvc.head().uri(path)).hasStatusOk();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/liveness", "/readiness" })
	void postIsMethodNotAllowed(String path) {
		assertThat(this.mvc.post().uri(path)).hasStatus(405)
			.bodyJson()
			.isStrictlyEqualTo("{\"detail\":\"Method Not Allowed\"}");
	}

}
