package dev.lightspeed.stack.errors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A failure with the status and {@code detail} LCS 0.2.0 answers with: either a string
 * ({@code {"detail":"..."}}) or an {@link ErrorDetail}
 * ({@code {"detail":{"response":"...","cause":"..."}}}).
 */
public class ApiException extends RuntimeException {

	private final HttpStatus status;

	private final Object detail;

	private final HttpHeaders headers;

	protected ApiException(HttpStatus status, Object detail, String message) {
		this(status, detail, message, HttpHeaders.EMPTY);
	}

	private ApiException(HttpStatus status, Object detail, String message, HttpHeaders headers) {
		super(message);
		this.status = status;
		this.detail = detail;
		this.headers = headers;
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

	/**
	 * The same failure with a response header more, e.g. {@code Retry-After}.
	 * @param name the header
	 * @param value its value
	 * @return the failure
	 */
	public ApiException withHeader(String name, String value) {
		HttpHeaders headers = new HttpHeaders();
		headers.putAll(this.headers);
		headers.add(name, value);
		return new ApiException(this.status, this.detail, getMessage(), HttpHeaders.readOnlyHttpHeaders(headers));
	}

	public HttpStatus status() {
		return this.status;
	}

	/**
	 * The response headers the failure needs.
	 * @return the headers, usually none
	 */
	public HttpHeaders headers() {
		return this.headers;
	}

	/**
	 * The {@code detail} member of the body: a string or an {@link ErrorDetail}.
	 * @return the detail
	 */
	public Object detail() {
		return this.detail;
	}

}
