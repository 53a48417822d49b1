package dev.lightspeed.stack.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * The LLM counters of LCS 0.2.0 ({@code ls_llm_calls_total},
 * {@code ls_llm_calls_failures_total}, {@code ls_llm_validation_errors_total},
 * {@code ls_llm_token_sent_total}, {@code ls_llm_token_received_total}); the unlabelled
 * ones exist from start-up with value 0.
 */
@Component
public class LlmMetrics {

	private final Counter failures;

	private final Counter validationErrors;

	private final MeterProvider<Counter> calls;

	private final MeterProvider<Counter> tokensSent;

	private final MeterProvider<Counter> tokensReceived;

	LlmMetrics(MeterRegistry registry) {
		this.failures = Counter.builder("ls_llm_calls_failures").description("LLM calls failures").register(registry);
		this.validationErrors = Counter.builder("ls_llm_validation_errors")
			.description("LLM validation errors")
			.register(registry);
		this.calls = Counter.builder("ls_llm_calls").description("LLM calls counter").withRegistry(registry);
		this.tokensSent = Counter.builder("ls_llm_token_sent").description("LLM tokens sent").withRegistry(registry);
		this.tokensReceived = Counter.builder("ls_llm_token_received")
			.description("LLM tokens received")
			.withRegistry(registry);
	}

	/**
	 * Counts a call to the LLM.
	 * @param provider provider id
	 * @param model model id
	 */
	public void called(String provider, String model) {
		this.calls.withTags("provider", provider, "model", model).increment();
	}

	/**
	 * Counts a call that failed because Llama Stack could not be reached.
	 */
	public void failed() {
		this.failures.increment();
	}

	/**
	 * Counts a shield violation.
	 */
	public void validationError() {
		this.validationErrors.increment();
	}

	/**
	 * Counts the tokens the provider reports were sent to the LLM.
	 * @param provider provider id
	 * @param model model id
	 * @param tokens the count
	 */
	public void sent(String provider, String model, int tokens) {
		this.tokensSent.withTags("provider", provider, "model", model).increment(tokens);
	}

	/**
	 * Counts the tokens the provider reports the LLM answered with.
	 * @param provider provider id
	 * @param model model id
	 * @param tokens the count
	 */
	public void received(String provider, String model, int tokens) {
		this.tokensReceived.withTags("provider", provider, "model", model).increment(tokens);
	}

}
