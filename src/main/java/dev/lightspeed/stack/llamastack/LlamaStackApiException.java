package dev.lightspeed.stack.llamastack;

/**
 * Llama Stack answered with an error status.
 */
public class LlamaStackApiException extends RuntimeException {

	private final int status;

	/**
	 * Creates the exception.
	 * @param status the HTTP status Llama Stack answered with
	 * @param message the error text from its body
	 */
	public LlamaStackApiException(int status, String message) {
		super("Error code: " + status + " - " + message);
		this.status = status;
	}

	public int status() {
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
