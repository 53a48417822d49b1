package dev.lightspeed.stack.errors;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The {@code /error} dispatch (failures outside controllers: filters, the servlet
 * container) in the same {@code {"detail": ...}} shape; replaces Boot's
 * {@code BasicErrorController}.
 */
@RestController
class JsonErrorController implements ErrorController {

	private static final Logger log = LoggerFactory.getLogger(JsonErrorController.class);

	private final ErrorResponses errorResponses;

	JsonErrorController(ErrorResponses errorResponses) {
		this.errorResponses = errorResponses;
	}

	@RequestMapping("${server.error.path:${error.path:/error}}")
	ResponseEntity<Object> error(HttpServletRequest request) {
		Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		ApiException apiException = find(failure);
		if (apiException != null) {
			return this.errorResponses.entity(apiException);
		}
		HttpStatusCode status = status(request);
		if (failure != null || status.is5xxServerError()) {
			log.error("Unexpected error while handling {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
					failure);
			return this.errorResponses.entity(ApiExceptionHandler.internalError());
		}
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("detail", ApiExceptionHandler.reasonPhrase(status)));
	}

	private static HttpStatusCode status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		// No status: someone asked for the error path itself, which is no endpoint.
		return (code instanceof Integer value) ? HttpStatusCode.valueOf(value) : HttpStatus.NOT_FOUND;
	}

	private static @Nullable ApiException find(@Nullable Throwable failure) {
		Throwable current = failure;
		while (current != null) {
			if (current instanceof ApiException apiException) {
				return apiException;
			}
			current = (current.getCause() != current) ? current.getCause() : null;
		}
		return null;
	}

}
