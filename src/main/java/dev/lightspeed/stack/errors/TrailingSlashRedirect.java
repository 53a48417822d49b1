package dev.lightspeed.stack.errors;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Starlette's {@code redirect_slashes}: a path that matches nothing but would match
 * without its trailing slash is redirected there with 307, whatever the method.
 */
final class TrailingSlashRedirect {

	private final ObjectProvider<RequestMappingHandlerMapping> mappings;

	TrailingSlashRedirect(ObjectProvider<RequestMappingHandlerMapping> mappings) {
		this.mappings = mappings;
	}

	@Nullable URI target(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.length() < 2 || !path.endsWith("/")) {
			return null;
		}
		String withoutSlash = path.substring(0, path.length() - 1);
		PathContainer container = PathContainer.parsePath(withoutSlash);
		boolean known = this.mappings.orderedStream()
			.flatMap((mapping) -> mapping.getHandlerMethods().keySet().stream())
			.map(RequestMappingInfo::getPathPatternsCondition)
			.filter((condition) -> condition != null)
			.flatMap((condition) -> condition.getPatterns().stream())
			.anyMatch((pattern) -> pattern.matches(container));
		if (!known) {
			return null;
		}
		return ServletUriComponentsBuilder.fromRequest(request)
			.replacePath(request.getContextPath() + withoutSlash)
			.build(true)
			.toUri();
	}

}
