package dev.lightspeed.stack.llamastack;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

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
		return new LlamaStackProperties(Duration.ofSeconds(30), Duration.ofSeconds(5), readTimeout);
	}

	static LlamaStackApi api(String url, @Nullable String apiKey) {
		return api(url, apiKey, LlamaStackProperties.defaults());
	}

	static LlamaStackApi api(String url, @Nullable String apiKey, LlamaStackProperties properties) {
		HttpClient httpClient = LlamaStackConfiguration.httpClient(properties, URI.create(url));
		return LlamaStackConfiguration.api(LlamaStackConfiguration.restClient(httpClient,
				new LlamaStackConfig(url, apiKey, null, null), properties));
	}

	static EventStreamClient streams(String url, @Nullable String apiKey) {
		LlamaStackProperties properties = LlamaStackProperties.defaults();
		return LlamaStackConfiguration.eventStreams(new LlamaStackConfig(url, apiKey, null, null), properties);
	}

	static AgentsApiBackend agents(String url, @Nullable String apiKey) {
		return new AgentsApiBackend(api(url, apiKey), streams(url, apiKey));
	}

}
