package dev.lightspeed.stack.storage;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a database set-up failure as one clear line instead of a stack trace.
 */
class DatabaseStartupFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseStartupException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DatabaseStartupException cause) {
		return new FailureAnalysis(cause.getMessage(), "Check the 'database' section of the configuration file.",
				cause);
	}

}
