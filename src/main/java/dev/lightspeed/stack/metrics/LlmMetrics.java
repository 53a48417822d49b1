package dev.lightspeed.stack.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * The LLM counters of LCS 0.2.0 ({@code ls_llm_calls_total},
 * {@code ls_llm_calls_failures_total}, {@code ls_llm_validation_errors_total}); the
 * unlabelled ones exist from start-up with value 0.
 */
@Component
public class LlmMetrics {

	private final MeterRegistry registry;

	private final Counter failures;

	private final Counter validationErrors;

	LlmMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.failures = Counter.builder("ls_llm_calls_failures").description("LLM calls failures").register(registry);
		this.validationErrors = Counter.builder("ls_llm_validation_errors")
			.description("LLM validation errors")
			.register(registry);
	}

	/**
	 * Counts a call to the LLM.
	 * @param provider provider id
	 * @param model model id
	 */
	public void called(String provider, String model) {
		Counter.builder("ls_llm_calls")
			.description("LLM calls counter")
			.tag("provider", provider)
			.tag("model", model)
			.register(this.registry)
			.increment();
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

}
