package dev.lightspeed.stack.llamastack;

/**
 * Llama Stack answered, but this service cannot work with it (unsupported version, MCP
 * registration refused, ...). At start-up it stops the application with a failure
 * analysis instead of a stack trace.
 */
class LlamaStackStartupException extends RuntimeException {

	private final String action;

	LlamaStackStartupException(String message, String action, Throwable cause) {
		super(message, cause);
		this.action = action;
	}

	LlamaStackStartupException(String message, String action) {
		super(message);
		this.action = action;
	}

	String action() {
		return this.action;
	}

}
