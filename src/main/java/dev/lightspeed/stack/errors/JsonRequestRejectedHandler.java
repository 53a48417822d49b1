package dev.lightspeed.stack.errors;

import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Requests Spring Security's firewall refuses (a control character or an encoded
 * {@code /} in the path, a method such as {@code TRACE}) in the {@code {"detail": ...}}
 * shape of every other error. A method no route has is a 405 with the {@code Allow}
 * header RFC 9110 asks for (404 where no route has the path), anything else a 400. Spring
 * Security's own answer was a 400 with an empty body and no {@code Content-Type}.
 */
@Component
class JsonRequestRejectedHandler implements RequestRejectedHandler {

	private static final Logger logger = LoggerFactory.getLogger(JsonRequestRejectedHandler.class);

	// what the firewall lets through
	private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH");

	private final ErrorResponses errorResponses;

	private final Routes routes;

	JsonRequestRejectedHandler(ErrorResponses errorResponses, ObjectProvider<RequestMappingHandlerMapping> mappings) {
		this.errorResponses = errorResponses;
		this.routes = new Routes(mappings);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException ex)
			throws IOException {
		logger.debug("Request refused by the firewall: {}", ex.getMessage());
		HttpStatus status = HttpStatus.BAD_REQUEST;
		if (!METHODS.contains(request.getMethod())) {
			Set<String> allowed = allowed(request.getRequestURI().substring(request.getContextPath().length()));
			status = allowed.isEmpty() ? HttpStatus.NOT_FOUND : HttpStatus.METHOD_NOT_ALLOWED;
			if (!allowed.isEmpty()) {
				response.setHeader(HttpHeaders.ALLOW, String.join(",", allowed));
			}
		}
		this.errorResponses.write(response, ApiException.text(status, ApiExceptionHandler.reasonPhrase(status)));
	}

	// the methods of the routes whose pattern matches the path
	private Set<String> allowed(String path) {
		Set<String> allowed = new TreeSet<>();
		this.routes.matching(path)
			.map(RequestMappingInfo::getMethodsCondition)
			.forEach((methods) -> methods.getMethods().stream().map(RequestMethod::name).forEach(allowed::add));
		if (allowed.contains("GET")) {
			allowed.add("HEAD");
		}
		return allowed;
	}

}
