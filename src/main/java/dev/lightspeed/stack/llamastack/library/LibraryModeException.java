package dev.lightspeed.stack.llamastack.library;

/**
 * Library mode cannot start: a bad setting, or no Python with Llama Stack. It stops the
 * application with a failure analysis instead of a stack trace.
 */
class LibraryModeException extends RuntimeException {

	private final String action;

	LibraryModeException(String message, String action) {
		super(message);
		this.action = action;
	}

	String action() {
		return this.action;
	}

}
