package dev.lightspeed.stack.errors;

import org.springframework.http.HttpStatus;

/**
 * A failure with the status and {@code detail} LCS 0.2.0 answers with: either a string
 * ({@code {"detail":"..."}}) or an {@link ErrorDetail}
 * ({@code {"detail":{"response":"...","cause":"..."}}}).
 */
public class ApiException extends RuntimeException {

	private final HttpStatus status;

	private final Object detail;

	protected ApiException(HttpStatus status, Object detail, String message) {
		super(message);
		this.status = status;
		this.detail = detail;
	}

	/**
	 * A failure whose detail is {@code {"response": response, "cause": cause}}.
	 * @param status the HTTP status
	 * @param response what failed
	 * @param cause why
	 * @return the exception
	 */
	public static ApiException of(HttpStatus status, String response, String cause) {
		return new ApiException(status, new ErrorDetail(response, cause), response + ": " + cause);
	}

	/**
	 * A failure whose detail is {@code {"response": response}} only.
	 * @param status the HTTP status
	 * @param response what failed
	 * @return the exception
	 */
	public static ApiException responseOnly(HttpStatus status, String response) {
		return new ApiException(status, new ErrorDetail(response, null), response);
	}

	/**
	 * A failure whose detail is a plain string.
	 * @param status the HTTP status
	 * @param detail the text
	 * @return the exception
	 */
	public static ApiException text(HttpStatus status, String detail) {
		return new ApiException(status, detail, detail);
	}

	public HttpStatus status() {
		return this.status;
	}

	/**
	 * The {@code detail} member of the body: a string or an {@link ErrorDetail}.
	 * @return the detail
	 */
	public Object detail() {
		return this.detail;
	}

}
