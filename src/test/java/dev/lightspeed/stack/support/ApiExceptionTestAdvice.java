package dev.lightspeed.stack.support;

import java.util.Map;

import dev.lightspeed.stack.errors.ApiException;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Renders {@link ApiException} as {@code {"detail": ...}} in slice tests, standing in for
 * the application's error advice. Import it explicitly; it is not picked up by scanning.
 */
@TestComponent
@RestControllerAdvice
public class ApiExceptionTestAdvice {

	@ExceptionHandler(ApiException.class)
	ResponseEntity<Object> handle(ApiException ex) {
		return ResponseEntity.status(ex.status()).body(Map.of("detail", ex.detail()));
	}

}
