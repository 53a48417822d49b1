package dev.lightspeed.stack.metrics;

import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.support.ApplicationClient;
import dev.lightspeed.stack.support.Captures;
import dev.lightspeed.stack.support.LlamaStackFailures;
import dev.lightspeed.stack.support.LlamaStackStub;
import dev.lightspeed.stack.support.TestConfigurations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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
import static org.assertj.core.api.Assertions.within;

/**
 * {@code GET /metrics} of the whole application after real requests, with WireMock as
 * Llama Stack.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MetricsIT {

	@RegisterExtension
	static final LlamaStackStub llamaStack = LlamaStackStub.answeringQueries();

	private static final double STARTED = System.currentTimeMillis() / 1000.0;

	private static final String QUERY = "{\"query\": \"What is Kubernetes?\"}";

	private static final String TURN = "/v1/agents/[^/]+/session/s/turn";

	@TempDir
	static Path directory;

	private ApplicationClient app;

	@BeforeEach
	void connect(@LocalServerPort int port) {
		this.app = ApplicationClient.http(port);
	}

	@Test
	void scrapeIsPrometheusTextWithoutAuthentication() {
		HttpResponse<String> response = this.app.send("GET", "/metrics");
		assertThat(response.statusCode()).isEqualTo(200);
		// Parameters written without blanks mean the same.
		MediaType type = MediaType.parseMediaType(response.headers().firstValue("Content-Type").orElseThrow());
		assertThat(type.toString()).isEqualTo("text/plain;version=0.0.4;charset=utf-8");
		assertThat(response.body()).contains("# TYPE ls_llm_calls_failures_total counter",
				"# TYPE ls_llm_validation_errors_total counter", "# TYPE jvm_memory_used_bytes gauge",
				"ls_provider_model_configuration{model=\"vllm/fake-model\",provider=\"vllm\"} 1.0");
	}

	@Test
	void processMetricsHavePythonsNamesAndAreExposedOnce() {
		String metrics = this.app.send("GET", "/metrics").body();
		Map<String, String> types = Map.of("process_cpu_seconds_total", "counter", "process_open_fds", "gauge",
				"process_max_fds", "gauge", "process_resident_memory_bytes", "gauge", "process_virtual_memory_bytes",
				"gauge", "process_start_time_seconds", "gauge");
		types.forEach((name, type) -> {
			assertThat(metrics).containsOnlyOnce("# TYPE " + name + " " + type + "\n");
			assertThat(PrometheusExpositionTests.sample(metrics, name)).as(name).isPositive();
		});
		double started = ManagementFactory.getRuntimeMXBean().getStartTime() / 1000.0;
		assertThat(PrometheusExpositionTests.sample(metrics, "process_start_time_seconds")).isCloseTo(started,
				within(1.0));
		assertThat(PrometheusExpositionTests.sample(metrics, "process_open_fds"))
			.isLessThan(PrometheusExpositionTests.sample(metrics, "process_max_fds"));
	}

	@Test
	void everyValueIsWrittenAsPrometheusClientWritesAFloat() {
		this.app.send("GET", "/liveness");
		List<String> values = this.app.send("GET", "/metrics")
			.body()
			.lines()
			.filter((line) -> !line.startsWith("#"))
			.map((line) -> line.substring(line.lastIndexOf(' ') + 1))
			.toList();
		// 1.0, 0.303, 1.796634747451e+09, 1e+06, +Inf, NaN: never 1, 1796634747.451 or
		// 1.0E9
		assertThat(values).isNotEmpty()
			.allMatch((value) -> value.matches("-?\\d+\\.\\d+|\\d(\\.\\d+)?e[+-]0?\\d\\d+|[+-]Inf|NaN"),
					"Python floats");
		String metrics = this.app.send("GET", "/metrics").body();
		assertThat(metrics).containsPattern("ls_response_duration_seconds_count\\{path=\"/liveness\"} \\d+\\.0\n")
			.containsPattern("ls_response_duration_seconds_created\\{path=\"/liveness\"} 1\\.\\d+e\\+09\n");
	}

	@Test
	void queriesMoveTheCountersLabelledByRouteTemplate() {
		// other tests of this class query too: compare with the values before
		String ok = "ls_rest_api_calls_total{path=\"/v1/query\",status_code=\"200\"}";
		String invalid = "ls_rest_api_calls_total{path=\"/v1/query\",status_code=\"422\"}";
		String notFound = "ls_rest_api_calls_total{path=\"/v1/conversations/{conversation_id}\",status_code=\"404\"}";
		String calls = "ls_llm_calls_total{model=\"fake-model\",provider=\"vllm\"}";
		String sent = "ls_llm_token_sent_total{model=\"fake-model\",provider=\"vllm\"}";
		Map<String, Double> before = counters(ok, invalid, notFound, calls, sent);
		assertThat(this.app.send("POST", "/v1/query", QUERY).statusCode()).isEqualTo(200);
		assertThat(this.app.send("POST", "/v1/query", QUERY).statusCode()).isEqualTo(200);
		assertThat(this.app.send("POST", "/v1/query", "{}").statusCode()).isEqualTo(422);
		assertThat(this.app.send("GET", "/v1/conversations/123e4567-e89b-12d3-a456-426614174000").statusCode())
			.isEqualTo(404);
		assertThat(this.app.send("GET", "/v1/nothing").statusCode()).isEqualTo(404);
		String metrics = this.app.send("GET", "/metrics").body();
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
	void llamaStackConnectionFailuresOfQueriesAreCounted() {
		llamaStack.stubFor(post(urlPathMatching(TURN)).atPriority(1)
			.withRequestBody(containing("refused-turn"))
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		llamaStack.stubFor(post(urlPathMatching(TURN)).atPriority(1)
			.withRequestBody(containing("broken-answer"))
			.willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
		double before = counter("ls_llm_calls_failures_total");
		HttpResponse<String> query = this.app.send("POST", "/v1/query", "{\"query\": \"refused-turn\"}");
		assertThat(query.statusCode()).isEqualTo(503);
		assertThat(query.body()).isEqualTo(LlamaStackFailures.UNAVAILABLE);
		HttpResponse<String> stream = this.app.send("POST", "/v1/streaming_query", "{\"query\": \"refused-turn\"}");
		assertThat(stream.statusCode()).isEqualTo(503);
		assertThat(stream.body()).isEqualTo(LlamaStackFailures.UNAVAILABLE);
		// the answer breaks off after the 200: still a failed call for /v1/query, and a
		// 502
		// (Llama Stack's reply was garbled, not unreachable)
		assertThat(this.app.send("POST", "/v1/query", "{\"query\": \"broken-answer\"}").statusCode()).isEqualTo(502);
		assertThat(counter("ls_llm_calls_failures_total")).isEqualTo(before + 3);
	}

	@Test
	void shieldViolationsOfQueriesAreCounted() {
		llamaStack.stubFor(post(urlPathMatching(TURN)).atPriority(1)
			.withRequestBody(containing("UNSAFE-CONTENT"))
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
				.withBody(Captures.of("input_violation.sse"))));
		double before = counter("ls_llm_validation_errors_total");
		String question = "{\"query\": \"Tell me about UNSAFE-CONTENT\"}";
		assertThat(this.app.send("POST", "/v1/query", question).body())
			.contains("\"response\":\"I can't answer that. Can I help with something else?\"");
		assertThat(this.app.send("POST", "/v1/streaming_query", question).body())
			.contains("\"role\": \"shield_call\", \"token\": \"Violation: ");
		assertThat(counter("ls_llm_validation_errors_total")).isEqualTo(before + 2);
	}

	private double counter(String series) {
		return counters(series).get(series);
	}

	/** The values of the given series, 0 for one not exposed yet. */
	private Map<String, Double> counters(String... series) {
		List<String> lines = this.app.send("GET", "/metrics").body().lines().toList();
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
	void durationsAreAHistogramWithLcsBuckets() {
		this.app.send("GET", "/liveness");
		this.app.send("GET", "/metrics");
		String metrics = this.app.send("GET", "/metrics").body();
		assertThat(metrics)
			.contains("# HELP ls_response_duration_seconds Response durations",
					"# TYPE ls_response_duration_seconds histogram",
					"ls_response_duration_seconds_count{path=\"/metrics\"}",
					"# TYPE ls_response_duration_seconds_created gauge")
			.doesNotContain("ls_response_duration_seconds_max");
		assertThat(
				PrometheusExpositionTests.sample(metrics, "ls_response_duration_seconds_created{path=\"/liveness\"}"))
			.isBetween(STARTED, System.currentTimeMillis() / 1000.0);
		List<String> buckets = metrics.lines()
			.filter((line) -> line.startsWith("ls_response_duration_seconds_bucket{") && line.contains("/liveness\""))
			.map((line) -> line.replaceFirst(".*le=\"([^\"]+)\".*", "$1"))
			.toList();
		assertThat(buckets).containsExactly("0.005", "0.01", "0.025", "0.05", "0.075", "0.1", "0.25", "0.5", "0.75",
				"1.0", "2.5", "5.0", "7.5", "10.0", "+Inf");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class LlamaStack {

		@Bean
		LightspeedConfiguration lightspeedConfiguration() {
			return TestConfigurations.application("metrics", llamaStack.baseUrl(), directory, """
					user_data_collection: {}
					inference:
					  default_provider: vllm
					  default_model: fake-model
					""");
		}

	}

}
