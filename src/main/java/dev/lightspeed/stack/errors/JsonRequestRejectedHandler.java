package dev.lightspeed.stack.errors;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * Requests Spring Security's firewall refuses (a control character or an encoded
 * {@code /} in the path, a method such as {@code TRACE}) in the {@code {"detail": ...}}
 * shape of every other error: 405 for a method no route has, 400 otherwise. Spring
 * Security's own answer was a 400 with an empty body and no {@code Content-Type}.
 */
@Component
class JsonRequestRejectedHandler implements RequestRejectedHandler {

	private static final Logger logger = LoggerFactory.getLogger(JsonRequestRejectedHandler.class);

	private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH");

	private final ErrorResponses errorResponses;

	JsonRequestRejectedHandler(ErrorResponses errorResponses) {
		this.errorResponses = errorResponses;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException ex)
			throws IOException {
		logger.debug("Request refused by the firewall: {}", ex.getMessage());
		HttpStatus status = METHODS.contains(request.getMethod()) ? HttpStatus.BAD_REQUEST
				: HttpStatus.METHOD_NOT_ALLOWED;
		this.errorResponses.write(response, ApiException.text(status, ApiExceptionHandler.reasonPhrase(status)));
	}

}
