package dev.lightspeed.stack.errors;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Starlette's {@code redirect_slashes}: a path that matches nothing but would match
 * without its trailing slash is redirected there with 307, whatever the method.
 */
final class TrailingSlashRedirect {

	private final Routes routes;

	TrailingSlashRedirect(Routes routes) {
		this.routes = routes;
	}

	@Nullable URI target(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.length() < 2 || !path.endsWith("/")) {
			return null;
		}
		String withoutSlash = path.substring(0, path.length() - 1);
		if (this.routes.matching(withoutSlash).findAny().isEmpty()) {
			return null;
		}
		return ServletUriComponentsBuilder.fromRequest(request)
			.replacePath(request.getContextPath() + withoutSlash)
			.build(true)
			.toUri();
	}

}
