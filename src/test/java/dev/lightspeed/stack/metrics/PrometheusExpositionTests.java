package dev.lightspeed.stack.metrics;

import java.util.List;

import dev.lightspeed.stack.config.InferenceConfig;
import dev.lightspeed.stack.llamastack.LlamaStackBackend;
import dev.lightspeed.stack.llamastack.LlamaStackUnavailableException;
import dev.lightspeed.stack.llamastack.Model;
import dev.lightspeed.stack.support.ConnectedLlamaStack;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The LLM metrics and the model configuration gauge as Prometheus scrapes them.
 */
class PrometheusExpositionTests {

	private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

	private final LlamaStackBackend llamaStack = mock(LlamaStackBackend.class);

	@Test
	void unlabelledCountersAreExposedFromTheStartWithLcsNamesAndHelp() {
		new LlmMetrics(this.registry);
		assertThat(scrape()).contains("""
				# HELP ls_llm_calls_failures_total LLM calls failures
				# TYPE ls_llm_calls_failures_total counter
				ls_llm_calls_failures_total 0.0
				""", """
				# HELP ls_llm_validation_errors_total LLM validation errors
				# TYPE ls_llm_validation_errors_total counter
				ls_llm_validation_errors_total 0.0
				""");
	}

	@Test
	void labelledCountersAppearWithTheirFirstLabelSet() {
		LlmMetrics metrics = new LlmMetrics(this.registry);
		// prometheus_client writes bare # HELP/# TYPE lines here; either way there is no
		// series until a label set is used.
		assertThat(scrape()).doesNotContain("ls_llm_calls_total", "ls_llm_token_sent_total");
		metrics.called("vllm", "fake-model");
		assertThat(scrape()).contains("ls_llm_calls_total{model=\"fake-model\",provider=\"vllm\"} 1.0");
	}

	@Test
	void countersHaveCreatedGaugesInEpochSecondsPerLabelSetAsPrometheusClientWrites() {
		double before = System.currentTimeMillis() / 1000.0;
		LlmMetrics metrics = new LlmMetrics(this.registry);
		metrics.called("vllm", "fake-model");
		double after = System.currentTimeMillis() / 1000.0;
		String text = scrape();
		assertThat(text).contains("""
				# HELP ls_llm_calls_created LLM calls counter
				# TYPE ls_llm_calls_created gauge
				""", """
				# HELP ls_llm_calls_failures_created LLM calls failures
				# TYPE ls_llm_calls_failures_created gauge
				""");
		assertThat(sample(text, "ls_llm_calls_created{model=\"fake-model\",provider=\"vllm\"}")).isBetween(before,
				after);
		assertThat(sample(text, "ls_llm_calls_failures_created")).isBetween(before, after);
		assertThat(sample(text, "ls_llm_validation_errors_created")).isBetween(before, after);
	}

	@Test
	void labelledCountersCountPerProviderAndModel() {
		LlmMetrics metrics = new LlmMetrics(this.registry);
		metrics.called("vllm", "fake-model");
		metrics.called("vllm", "fake-model");
		metrics.failed();
		metrics.validationError();
		metrics.sent("vllm", "fake-model", TokenEstimate.of("What is Kubernetes?"));
		metrics.received("vllm", "fake-model", TokenEstimate.of("An orchestrator."));
		assertThat(scrape()).contains("""
				# HELP ls_llm_calls_total LLM calls counter
				# TYPE ls_llm_calls_total counter
				ls_llm_calls_total{model="fake-model",provider="vllm"} 2.0
				""", "ls_llm_calls_failures_total 1.0", "ls_llm_validation_errors_total 1.0", """
				# HELP ls_llm_token_sent_total LLM tokens sent
				# TYPE ls_llm_token_sent_total counter
				ls_llm_token_sent_total{model="fake-model",provider="vllm"} 5.0
				""", """
				# HELP ls_llm_token_received_total LLM tokens received
				# TYPE ls_llm_token_received_total counter
				ls_llm_token_received_total{model="fake-model",provider="vllm"} 4.0
				""");
	}

	@Test
	void modelGaugeMarksTheDefaultWhateverLlamaStackCallsIt() {
		given(this.llamaStack.models()).willReturn(List.of(model("vllm/fake-model", "vllm", "llm"),
				model("other", "vllm", "llm"), model("openai/gpt-4", "openai", "llm"),
				model("all-MiniLM-L6-v2", "sentence-transformers", "embedding")));
		gauge("vllm", "fake-model").initialise();
		assertThat(scrape())
			.contains("""
					# HELP ls_provider_model_configuration LLM provider/models combinations defined in configuration
					# TYPE ls_provider_model_configuration gauge
					""", "ls_provider_model_configuration{model=\"vllm/fake-model\",provider=\"vllm\"} 1.0",
					"ls_provider_model_configuration{model=\"other\",provider=\"vllm\"} 0.0",
					"ls_provider_model_configuration{model=\"openai/gpt-4\",provider=\"openai\"} 0.0")
			.doesNotContain("all-MiniLM");
	}

	@Test
	void bareIdentifierMatchesTheDefaultToo() {
		given(this.llamaStack.models()).willReturn(List.of(model("fake-model", "vllm", "llm")));
		gauge("vllm", "fake-model").initialise();
		assertThat(scrape()).contains("ls_provider_model_configuration{model=\"fake-model\",provider=\"vllm\"} 1.0");
	}

	@Test
	void modelGaugeIsRetriedAfterLlamaStackFailedAndThenSetOnce() {
		given(this.llamaStack.models()).willThrow(new LlamaStackUnavailableException("Connection error."))
			.willReturn(List.of(model("vllm/fake-model", "vllm", "llm")))
			.willThrow(new IllegalStateException("not asked again"));
		ModelConfigurationGauge gauge = gauge("vllm", "fake-model");
		gauge.initialise();
		assertThat(scrape()).doesNotContain("ls_provider_model_configuration");
		gauge.initialise();
		gauge.initialise();
		assertThat(scrape())
			.contains("ls_provider_model_configuration{model=\"vllm/fake-model\",provider=\"vllm\"} 1.0");
	}

	@Test
	void withoutDefaultEveryModelIsZero() {
		given(this.llamaStack.models()).willReturn(List.of(model("vllm/fake-model", "vllm", "llm")));
		new ModelConfigurationGauge(this.registry, ConnectedLlamaStack.to(this.llamaStack),
				new InferenceConfig(null, null))
			.initialise();
		assertThat(scrape())
			.contains("ls_provider_model_configuration{model=\"vllm/fake-model\",provider=\"vllm\"} 0.0");
	}

	/** The right-hand side is prometheus_client 0.22's floatToGoString of the left. */
	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			5              | 5.0
			0              | 0.0
			0.303          | 0.303
			1796634747.451 | 1.796634747451e+09
			20000.0        | 20000.0
			1234567        | 1.234567e+06
			1000000.0      | 1e+06
			1.0E10         | 1e+010
			123456789012.5 | 1.234567890125e+011
			-5.0E9         | -5000000000.0
			1.0E-4         | 0.0001
			1.0E-7         | 1e-07
			1.0E16         | 1e+16
			2.5E17         | 2.5e+17
			+Inf           | +Inf
			NaN            | NaN
			""")
	void valuesAreWrittenAsPrometheusClientWritesThem(String java, String python) {
		assertThat(PrometheusExposition.goFloat(java)).isEqualTo(python);
	}

	private String scrape() {
		return new PrometheusExposition(this.registry.getPrometheusRegistry()).scrape();
	}

	static double sample(String text, String series) {
		return text.lines()
			.filter((line) -> line.startsWith(series + " "))
			.map((line) -> Double.parseDouble(line.substring(series.length() + 1)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no sample " + series + " in\n" + text));
	}

	private ModelConfigurationGauge gauge(String provider, String model) {
		return new ModelConfigurationGauge(this.registry, ConnectedLlamaStack.to(this.llamaStack),
				new InferenceConfig(model, provider));
	}

	private static Model model(String identifier, String provider, String type) {
		return new Model(identifier, provider, type, JsonNodeFactory.instance.objectNode());
	}

}
