package dev.lightspeed.stack.llamastack;

import dev.lightspeed.stack.errors.ApiException;
import dev.lightspeed.stack.errors.ErrorDetail;

import org.springframework.http.HttpStatus;

/**
 * Llama Stack answered with an error status. Unless a caller maps it to something more
 * precise, the client gets LCS's answer: {@code 500 {"detail":{"response":"Llama Stack
 * error","cause":"Error code: <status> - <message>"}}}.
 */
public class LlamaStackApiException extends ApiException {

	private final int status;

	/**
	 * Creates the exception.
	 * @param status the HTTP status Llama Stack answered with
	 * @param message the error text from its body
	 */
	public LlamaStackApiException(int status, String message) {
		super(HttpStatus.INTERNAL_SERVER_ERROR, new ErrorDetail("Llama Stack error", text(status, message)),
				text(status, message));
		this.status = status;
	}

	private static String text(int status, String message) {
		return "Error code: " + status + " - " + message;
	}

	/**
	 * The status Llama Stack answered with (not the one the client gets).
	 * @return the HTTP status code
	 */
	public int upstreamStatus() {
		return this.status;
	}

	/**
	 * Whether Llama Stack said the thing does not exist. 0.2.x answers 400 "Could not
	 * find ..." or "... not found" for unknown agents and sessions, later versions 404.
	 * @return true for a not-found answer
	 */
	public boolean isNotFound() {
		String message = getMessage();
		return this.status == 404 || (this.status == 400 && message != null
				&& (message.contains("Could not find") || message.contains("not found")));
	}

}
