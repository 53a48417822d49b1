package dev.lightspeed.stack.llamastack;

import dev.lightspeed.stack.errors.ApiException;

import org.springframework.http.HttpStatus;

/**
 * Llama Stack cannot be reached (refused, DNS, timeout): 503 with LCS's
 * {@code Unable to connect to Llama Stack}.
 */
public class LlamaStackUnavailableException extends ApiException {

	/** The cause text for a connection failure. */
	public static final String CONNECTION_ERROR = "Connection error.";

	/** The cause text for a timeout. */
	public static final String TIMEOUT = "Request timed out.";

	/**
	 * Creates the exception.
	 * @param cause {@link #CONNECTION_ERROR} or {@link #TIMEOUT}
	 */
	public LlamaStackUnavailableException(String cause) {
		super(HttpStatus.SERVICE_UNAVAILABLE,
				new dev.lightspeed.stack.errors.ErrorDetail("Unable to connect to Llama Stack", cause),
				"Unable to connect to Llama Stack: " + cause);
	}

}
