package dev.lightspeed.stack.llamastack;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a refused Llama Stack as one clear line, without a stack trace.
 */
class LlamaStackStartupFailureAnalyzer extends AbstractFailureAnalyzer<LlamaStackStartupException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, LlamaStackStartupException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
	}

}
