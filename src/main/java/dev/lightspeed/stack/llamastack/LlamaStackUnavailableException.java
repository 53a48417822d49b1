package dev.lightspeed.stack.llamastack;

import dev.lightspeed.stack.errors.ApiException;
import dev.lightspeed.stack.errors.ErrorDetail;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * Llama Stack could not be asked or gave no usable answer: cannot be reached (503 with
 * LCS's {@code Unable to connect to Llama Stack}), did not answer in time (504), or
 * answered with something that is not HTTP or not the JSON expected (502). The I/O
 * failure behind it, if any, is its cause, for the one log line a 5xx gets.
 */
public class LlamaStackUnavailableException extends ApiException {

	/** The cause text for a connection failure. */
	public static final String CONNECTION_ERROR = "Connection error.";

	/** The cause text for a timeout. */
	public static final String TIMEOUT = "Request timed out.";

	static final String UNABLE_TO_CONNECT = "Unable to connect to Llama Stack";

	/**
	 * Llama Stack cannot be reached: 503.
	 * @param cause {@link #CONNECTION_ERROR} or another short text
	 */
	public LlamaStackUnavailableException(String cause) {
		this(HttpStatus.SERVICE_UNAVAILABLE, UNABLE_TO_CONNECT, cause, null);
	}

	LlamaStackUnavailableException(HttpStatus status, String response, String cause, @Nullable Throwable failure) {
		super(status, new ErrorDetail(response, cause), response + ": " + cause + ((failure != null)
				? " (" + failure.getClass().getSimpleName() + ": " + failure.getMessage() + ")" : ""));
		if (failure != null) {
			initCause(failure);
		}
	}

	/**
	 * A turn whose events stopped before its end, neither complete nor failed: a
	 * close-delimited body cut off looks like a finished one. 502, as any reply that
	 * broke off.
	 * @return the exception
	 */
	public static LlamaStackUnavailableException incompleteTurn() {
		return new LlamaStackUnavailableException(HttpStatus.BAD_GATEWAY, "Invalid reply from Llama Stack",
				"Llama Stack's answer ended before the turn was complete", null);
	}

	/**
	 * Whether Llama Stack could not be reached at all (as opposed to a slow or garbled
	 * answer).
	 * @return true for a 503
	 */
	public boolean unreachable() {
		return status() == HttpStatus.SERVICE_UNAVAILABLE;
	}

}
