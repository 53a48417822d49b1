package dev.lightspeed.stack.metrics;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.support.Captures;
import dev.lightspeed.stack.support.TestConfigurations;
import dev.lightspeed.stack.support.WireMockLlamaStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /metrics} of the whole application after real requests, with WireMock as
 * Llama Stack.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MetricsIT {

	private static final WireMockServer llamaStack = WireMockLlamaStack.start();

	private static final String QUERY = "{\"query\": \"What is Kubernetes?\"}";

	private static final String TURN = "/v1/agents/[^/]+/session/s/turn";

	private static final String UNAVAILABLE = "{\"detail\":{\"response\":\"Unable to connect to Llama Stack\","
			+ "\"cause\":\"Connection error.\"}}";

	@TempDir
	static Path directory;

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@AfterAll
	static void stopLlamaStack() {
		llamaStack.stop();
	}

	@Test
	void scrapeIsPrometheusTextWithoutAuthentication() throws Exception {
		HttpResponse<String> response = send("GET", "/metrics", null);
		assertThat(response.statusCode()).isEqualTo(200);
		// Tomcat writes the parameters without blanks, which means the same.
		MediaType type = MediaType.parseMediaType(response.headers().firstValue("Content-Type").orElseThrow());
		assertThat(type.toString()).isEqualTo("text/plain;version=0.0.4;charset=utf-8");
		assertThat(response.body()).contains("# TYPE ls_llm_calls_failures_total counter",
				"# TYPE ls_llm_validation_errors_total counter", "# TYPE jvm_memory_used_bytes gauge",
				"ls_provider_model_configuration{model=\"vllm/fake-model\",provider=\"vllm\"} 1.0");
	}

	@Test
	void queriesMoveTheCountersLabelledByRouteTemplate() throws Exception {
		// other tests of this class query too: compare with the values before
		String ok = "ls_rest_api_calls_total{path=\"/v1/query\",status_code=\"200\"}";
		String invalid = "ls_rest_api_calls_total{path=\"/v1/query\",status_code=\"422\"}";
		String notFound = "ls_rest_api_calls_total{path=\"/v1/conversations/{conversation_id}\",status_code=\"404\"}";
		String calls = "ls_llm_calls_total{model=\"fake-model\",provider=\"vllm\"}";
		String sent = "ls_llm_token_sent_total{model=\"fake-model\",provider=\"vllm\"}";
		Map<String, Double> before = counters(ok, invalid, notFound, calls, sent);
		assertThat(send("POST", "/v1/query", QUERY).statusCode()).isEqualTo(200);
		assertThat(send("POST", "/v1/query", QUERY).statusCode()).isEqualTo(200);
		assertThat(send("POST", "/v1/query", "{}").statusCode()).isEqualTo(422);
		assertThat(send("GET", "/v1/conversations/123e4567-e89b-12d3-a456-426614174000", null).statusCode())
			.isEqualTo(404);
		assertThat(send("GET", "/v1/nothing", null).statusCode()).isEqualTo(404);
		String metrics = send("GET", "/metrics", null).body();
		assertThat(metrics)
			.contains("# HELP ls_rest_api_calls_total REST API calls counter", "# TYPE ls_rest_api_calls_total counter",
					"ls_llm_token_received_total{model=\"fake-model\",provider=\"vllm\"}")
			.doesNotContain("/v1/nothing", "path=\"/metrics\",status_code");
		Map<String, Double> after = counters(ok, invalid, notFound, calls, sent);
		assertThat(after).containsEntry(ok, before.get(ok) + 2)
			.containsEntry(invalid, before.get(invalid) + 1)
			.containsEntry(notFound, before.get(notFound) + 1)
			.containsEntry(calls, before.get(calls) + 2)
			.containsEntry(sent, before.get(sent) + 10);
	}

	@Test
	void llamaStackConnectionFailuresOfQueriesAreCounted() throws Exception {
		llamaStack.stubFor(post(urlPathMatching(TURN)).atPriority(1)
			.withRequestBody(containing("refused-turn"))
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		llamaStack.stubFor(post(urlPathMatching(TURN)).atPriority(1)
			.withRequestBody(containing("broken-answer"))
			.willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
		double before = counter("ls_llm_calls_failures_total");
		HttpResponse<String> query = send("POST", "/v1/query", "{\"query\": \"refused-turn\"}");
		assertThat(query.statusCode()).isEqualTo(503);
		assertThat(query.body()).isEqualTo(UNAVAILABLE);
		HttpResponse<String> stream = send("POST", "/v1/streaming_query", "{\"query\": \"refused-turn\"}");
		assertThat(stream.statusCode()).isEqualTo(503);
		assertThat(stream.body()).isEqualTo(UNAVAILABLE);
		// the answer breaks off after the 200: still a failed call for /v1/query
		assertThat(send("POST", "/v1/query", "{\"query\": \"broken-answer\"}").statusCode()).isEqualTo(503);
		assertThat(counter("ls_llm_calls_failures_total")).isEqualTo(before + 3);
	}

	@Test
	void shieldViolationsOfQueriesAreCounted() throws Exception {
		llamaStack.stubFor(post(urlPathMatching(TURN)).atPriority(1)
			.withRequestBody(containing("UNSAFE-CONTENT"))
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
				.withBody(Captures.of("input_violation.sse"))));
		double before = counter("ls_llm_validation_errors_total");
		HttpResponse<String> query = send("POST", "/v1/query", "{\"query\": \"Tell me about UNSAFE-CONTENT\"}");
		assertThat(query.body()).contains("\"response\":\"I can't answer that. Can I help with something else?\"");
		HttpResponse<String> stream = send("POST", "/v1/streaming_query",
				"{\"query\": \"Tell me about UNSAFE-CONTENT\"}");
		assertThat(stream.body()).contains("\"role\": \"shield_call\", \"token\": \"Violation: ");
		assertThat(counter("ls_llm_validation_errors_total")).isEqualTo(before + 2);
	}

	private double counter(String series) throws Exception {
		return counters(series).get(series);
	}

	/** The values of the given series, 0 for one not exposed yet. */
	private Map<String, Double> counters(String... series) throws Exception {
		List<String> lines = send("GET", "/metrics", null).body().lines().toList();
		Map<String, Double> values = new HashMap<>();
		for (String name : series) {
			values.put(name,
					lines.stream()
						.filter((line) -> line.startsWith(name + " "))
						.mapToDouble((line) -> Double.parseDouble(line.substring(name.length() + 1)))
						.findFirst()
						.orElse(0));
		}
		return values;
	}

	@Test
	void durationsAreAHistogramWithLcsBuckets() throws Exception {
		send("GET", "/liveness", null);
		send("GET", "/metrics", null);
		String metrics = send("GET", "/metrics", null).body();
		assertThat(metrics).contains("# HELP ls_response_duration_seconds Response durations",
				"# TYPE ls_response_duration_seconds histogram",
				"ls_response_duration_seconds_count{path=\"/metrics\"}");
		List<String> buckets = metrics.lines()
			.filter((line) -> line.startsWith("ls_response_duration_seconds_bucket{") && line.contains("/liveness\""))
			.map((line) -> line.replaceFirst(".*le=\"([^\"]+)\".*", "$1"))
			.toList();
		assertThat(buckets).containsExactly("0.005", "0.01", "0.025", "0.05", "0.075", "0.1", "0.25", "0.5", "0.75",
				"1.0", "2.5", "5.0", "7.5", "10.0", "+Inf");
	}

	private HttpResponse<String> send(String method, String path, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/json")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class LlamaStack {

		@Bean
		LightspeedConfiguration lightspeedConfiguration() {
			return TestConfigurations.yaml("""
					name: metrics
					service: {}
					llama_stack:
					  url: %s
					user_data_collection: {}
					inference:
					  default_provider: vllm
					  default_model: fake-model
					database:
					  sqlite:
					    db_path: %s/metrics.db
					""".formatted(llamaStack.baseUrl(), directory));
		}

	}

}
