package dev.lightspeed.stack.metrics;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.support.ApplicationClient;
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

import static org.assertj.core.api.Assertions.assertThat;

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
		// Tomcat writes the parameters without blanks, which means the same.
		MediaType type = MediaType.parseMediaType(response.headers().firstValue("Content-Type").orElseThrow());
		assertThat(type.toString()).isEqualTo("text/plain;version=0.0.4;charset=utf-8");
		assertThat(response.body()).contains("# TYPE ls_llm_calls_failures_total counter",
				"# TYPE ls_llm_validation_errors_total counter", "# TYPE jvm_memory_used_bytes gauge",
				"ls_provider_model_configuration{model=\"vllm/fake-model\",provider=\"vllm\"} 1.0");
	}

	@Test
	void queriesMoveTheCountersLabelledByRouteTemplate() {
		assertThat(this.app.send("POST", "/v1/query", QUERY).statusCode()).isEqualTo(200);
		assertThat(this.app.send("POST", "/v1/query", QUERY).statusCode()).isEqualTo(200);
		assertThat(this.app.send("POST", "/v1/query", "{}").statusCode()).isEqualTo(422);
		assertThat(this.app.send("GET", "/v1/conversations/123e4567-e89b-12d3-a456-426614174000").statusCode())
			.isEqualTo(404);
		assertThat(this.app.send("GET", "/v1/nothing").statusCode()).isEqualTo(404);
		String metrics = this.app.send("GET", "/metrics").body();
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
