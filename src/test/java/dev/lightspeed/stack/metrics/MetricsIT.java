package dev.lightspeed.stack.metrics;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.lightspeed.stack.config.LightspeedConfiguration;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /metrics} of the whole application after real requests, with WireMock as
 * Llama Stack.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MetricsIT {

	private static final WireMockServer llamaStack = WireMockLlamaStack.start();

	private static final double STARTED = System.currentTimeMillis() / 1000.0;

	private static final String QUERY = "{\"query\": \"What is Kubernetes?\"}";

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
		assertThat(send("POST", "/v1/query", QUERY).statusCode()).isEqualTo(200);
		assertThat(send("POST", "/v1/query", QUERY).statusCode()).isEqualTo(200);
		assertThat(send("POST", "/v1/query", "{}").statusCode()).isEqualTo(422);
		assertThat(send("GET", "/v1/conversations/123e4567-e89b-12d3-a456-426614174000", null).statusCode())
			.isEqualTo(404);
		assertThat(send("GET", "/v1/nothing", null).statusCode()).isEqualTo(404);
		String metrics = send("GET", "/metrics", null).body();
		assertThat(metrics)
			.contains("# HELP ls_rest_api_calls_total REST API calls counter", "# TYPE ls_rest_api_calls_total counter",
					"ls_rest_api_calls_total{path=\"/v1/query\",status_code=\"200\"} 2.0",
					"ls_rest_api_calls_total{path=\"/v1/query\",status_code=\"422\"} 1.0",
					"ls_rest_api_calls_total{path=\"/v1/conversations/{conversation_id}\",status_code=\"404\"} 1.0",
					"ls_llm_calls_total{model=\"fake-model\",provider=\"vllm\"} 2.0",
					"ls_llm_token_sent_total{model=\"fake-model\",provider=\"vllm\"} 10.0",
					"ls_llm_token_received_total{model=\"fake-model\",provider=\"vllm\"}")
			.doesNotContain("/v1/nothing", "path=\"/metrics\",status_code");
	}

	@Test
	void durationsAreAHistogramWithLcsBuckets() throws Exception {
		send("GET", "/liveness", null);
		send("GET", "/metrics", null);
		String metrics = send("GET", "/metrics", null).body();
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
