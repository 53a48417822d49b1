package dev.lightspeed.stack.llamastack;

import java.time.Duration;
import java.util.Optional;

import dev.lightspeed.stack.config.LlamaStackConfig;
import org.jspecify.annotations.Nullable;

/**
 * The Llama Stack client wired as {@link LlamaStackConfiguration} wires it, for tests
 * against WireMock.
 */
final class TestClients {

	private TestClients() {
	}

	static LlamaStackProperties properties(Duration readTimeout) {
		return new LlamaStackProperties(Duration.ofSeconds(30), Duration.ofSeconds(5), readTimeout, 100);
	}

	static LlamaStackHttp http(String url, @Nullable String apiKey) {
		return http(url, apiKey, LlamaStackProperties.defaults());
	}

	static LlamaStackHttp http(String url, @Nullable String apiKey, LlamaStackProperties properties) {
		return LlamaStackConfiguration.http(LlamaStackHttpClients.create(properties),
				new LlamaStackConfig(url, apiKey, null, null), Optional.empty());
	}

	// the catalogue is not cached: each call asks the stub
	static AgentsApiBackend agents(String url, @Nullable String apiKey) {
		return new AgentsApiBackend(http(url, apiKey), Duration.ZERO);
	}

	static ResponsesApiBackend responses(String url, String version) {
		return new ResponsesApiBackend(http(url, null), SemanticVersion.of(version), Duration.ZERO);
	}

}
