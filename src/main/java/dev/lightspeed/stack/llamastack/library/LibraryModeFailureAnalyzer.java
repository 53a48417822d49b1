package dev.lightspeed.stack.llamastack.library;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports why library mode cannot start as one clear line, without a stack trace.
 */
class LibraryModeFailureAnalyzer extends AbstractFailureAnalyzer<LibraryModeException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, LibraryModeException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
	}

}
