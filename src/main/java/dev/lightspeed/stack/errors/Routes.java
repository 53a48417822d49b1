package dev.lightspeed.stack.errors;

import java.util.stream.Stream;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The controllers' routes, for answers given outside Spring MVC's own matching (a
 * trailing slash, a method the firewall refused).
 */
final class Routes {

	private final ObjectProvider<RequestMappingHandlerMapping> mappings;

	Routes(ObjectProvider<RequestMappingHandlerMapping> mappings) {
		this.mappings = mappings;
	}

	/**
	 * The routes whose path pattern matches a path, whatever their method.
	 * @param path the path, without the context path
	 * @return the routes
	 */
	Stream<RequestMappingInfo> matching(String path) {
		PathContainer container = PathContainer.parsePath(path);
		return this.mappings.orderedStream()
			.flatMap((mapping) -> mapping.getHandlerMethods().keySet().stream())
			.filter((info) -> info.getPathPatternsCondition() != null && info.getPathPatternsCondition()
				.getPatterns()
				.stream()
				.anyMatch((pattern) -> pattern.matches(container)));
	}

}
