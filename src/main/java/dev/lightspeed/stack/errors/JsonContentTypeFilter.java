package dev.lightspeed.stack.errors;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;

/**
 * Request bodies as FastAPI reads them: without a {@code Content-Type} a body is JSON;
 * with a non-JSON type it is kept, so the 422 can quote it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class JsonContentTypeFilter extends OncePerRequestFilter {

	private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

	// Non-JSON bodies are quoted in the 422 only up to this size.
	private static final int CACHE_LIMIT = 64 * 1024;

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !BODY_METHODS.contains(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String contentType = request.getContentType();
		if (contentType == null || contentType.isBlank()) {
			chain.doFilter(new JsonByDefault(request), response);
		}
		else if (isJson(contentType)) {
			chain.doFilter(request, response);
		}
		else {
			chain.doFilter(new ContentCachingRequestWrapper(request, CACHE_LIMIT), response);
		}
	}

	private static boolean isJson(String contentType) {
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return MediaType.APPLICATION_JSON.isCompatibleWith(type) || type.getSubtype().endsWith("+json");
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static final class JsonByDefault extends HttpServletRequestWrapper {

		JsonByDefault(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getContentType() {
			return MediaType.APPLICATION_JSON_VALUE;
		}

	}

}
