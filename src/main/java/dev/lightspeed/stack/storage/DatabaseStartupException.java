package dev.lightspeed.stack.storage;

/**
 * The database cannot be set up at start-up; the message says why in LCS's words.
 */
class DatabaseStartupException extends RuntimeException {

	DatabaseStartupException(String message) {
		super(message);
	}

	DatabaseStartupException(String message, Throwable cause) {
		super(message, cause);
	}

}
