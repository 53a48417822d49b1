package dev.lightspeed.stack.errors;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A request that fails validation: 422 with {@code {"detail":[...]}} as FastAPI renders
 * it.
 */
public class RequestValidationException extends ApiException {

	/**
	 * Creates the exception.
	 * @param errors the errors, in the order pydantic reports them
	 */
	public RequestValidationException(List<ValidationError> errors) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, List.copyOf(errors), "Request validation failed: " + errors);
	}

	/**
	 * The errors.
	 * @return the detail as a list
	 */
	@SuppressWarnings("unchecked")
	public List<ValidationError> errors() {
		return (List<ValidationError>) detail();
	}

}
