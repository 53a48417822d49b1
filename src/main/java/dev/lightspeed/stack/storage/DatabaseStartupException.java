package dev.lightspeed.stack.storage;

/**
 * The database cannot be set up (at start-up, or for a command); the message says why in
 * LCS's words.
 */
public class DatabaseStartupException extends RuntimeException {

	DatabaseStartupException(String message) {
		super(message);
	}

	DatabaseStartupException(String message, Throwable cause) {
		super(message, cause);
	}

}
