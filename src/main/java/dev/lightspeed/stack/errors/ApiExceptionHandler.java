package dev.lightspeed.stack.errors;

import java.net.URI;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The one error path for everything a controller or Spring MVC raises: LCS's
 * {@code {"detail": ...}} bodies, FastAPI's 422 list for invalid requests, and a 500
 * without internals for the unexpected.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private final ErrorResponses errorResponses;

	private final ValidationResponses validation;

	private final TrailingSlashRedirect trailingSlash;

	ApiExceptionHandler(ErrorResponses errorResponses, JsonMapper mapper,
			ObjectProvider<RequestMappingHandlerMapping> mappings) {
		this.errorResponses = errorResponses;
		this.validation = new ValidationResponses(mapper);
		this.trailingSlash = new TrailingSlashRedirect(new Routes(mappings));
	}

	@ExceptionHandler(ApiException.class)
	@Nullable ResponseEntity<Object> handleApiException(ApiException ex, NativeWebRequest request) {
		if (ex.status().is5xxServerError()) {
			// one line per failed request, naming the cause (a dependency's, not a bug)
			log.warn("{} answered {}: {}", describe(request), ex.status().value(), ex.getMessage());
		}
		if (committed(request)) {
			log.warn("Failure after the response was committed: {}", ex.getMessage());
			return null;
		}
		return this.errorResponses.entity(ex);
	}

	@ExceptionHandler(Exception.class)
	@Nullable ResponseEntity<Object> handleUnexpected(Exception ex, NativeWebRequest request) throws Exception {
		if (ex instanceof AuthenticationException || ex instanceof AccessDeniedException) {
			// Spring Security's entry point and access-denied handler answer these.
			throw ex;
		}
		log.error("Unexpected error while handling {}", describe(request), ex);
		return handleErrorAnswer(internalError(), request);
	}

	// the unexpected is logged with its stack trace already
	private @Nullable ResponseEntity<Object> handleErrorAnswer(ApiException ex, NativeWebRequest request) {
		return committed(request) ? null : this.errorResponses.entity(ex);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return this.errorResponses.entity(this.validation.notReadable(ex));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return this.errorResponses.entity(this.validation.notJson(nativeRequest(request)));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return this.errorResponses.entity(this.validation.notValid(ex));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return this.errorResponses.entity(this.validation.notValid(ex));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
			MissingServletRequestParameterException ex, HttpHeaders headers, HttpStatusCode status,
			WebRequest request) {
		return this.errorResponses.entity(this.validation.missingParameter(ex));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		URI target = this.trailingSlash.target(nativeRequest(request));
		return (target != null) ? ResponseEntity.status(HttpStatus.TEMPORARY_REDIRECT).location(target).build()
				: super.handleNoResourceFoundException(ex, headers, status, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleNoHandlerFoundException(NoHandlerFoundException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		URI target = this.trailingSlash.target(nativeRequest(request));
		return (target != null) ? ResponseEntity.status(HttpStatus.TEMPORARY_REDIRECT).location(target).build()
				: super.handleNoHandlerFoundException(ex, headers, status, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		return this.errorResponses.entity(this.validation.typeMismatch(ex));
	}

	// Everything else Spring MVC knows (404, 405 with Allow, 406, ...) keeps its status
	// and headers and gets FastAPI's body: the reason phrase as detail.
	@Override
	protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
			HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
		if (committed(request)) {
			return null;
		}
		if (statusCode.value() == HttpStatus.INTERNAL_SERVER_ERROR.value()) {
			log.error("Error while handling {}", describe(request), ex);
			return this.errorResponses.entity(internalError());
		}
		String detail = (ex instanceof ResponseStatusException rse && rse.getReason() != null) ? rse.getReason()
				: reasonPhrase(statusCode);
		return ResponseEntity.status(statusCode)
			.headers(headers)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("detail", detail));
	}

	static String reasonPhrase(HttpStatusCode status) {
		HttpStatus known = HttpStatus.resolve(status.value());
		return (known != null) ? known.getReasonPhrase() : String.valueOf(status.value());
	}

	private static boolean committed(WebRequest request) {
		return request instanceof NativeWebRequest nativeRequest
				&& nativeRequest.getNativeResponse(HttpServletResponse.class) instanceof HttpServletResponse response
				&& response.isCommitted();
	}

	private static HttpServletRequest nativeRequest(WebRequest request) {
		return (HttpServletRequest) ((NativeWebRequest) request).getNativeRequest();
	}

	private static String describe(WebRequest request) {
		HttpServletRequest servletRequest = nativeRequest(request);
		return servletRequest.getMethod() + " " + servletRequest.getRequestURI();
	}

	/**
	 * The 500 answer for failures nobody anticipated; the details stay in the log.
	 */
	static ApiException internalError() {
		return new ApiException(HttpStatus.INTERNAL_SERVER_ERROR,
				new ErrorDetail("Internal server error", "An unexpected error occurred"), "Internal server error");
	}

}
