package dev.lightspeed.stack.metrics;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.server.PathContainer;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The route templates the application registers (the controllers), to label a request by
 * the template it matches whatever its method and whether or not it got past
 * authentication. A path no template matches is unknown.
 */
class RouteTemplates {

	private final Supplier<List<PathPattern>> patterns;

	RouteTemplates(ObjectProvider<RequestMappingInfoHandlerMapping> mappings) {
		// Read on first use: the handler mappings are complete only once the context is.
		this.patterns = SingletonSupplier.of(() -> mappings.orderedStream()
			.flatMap((mapping) -> mapping.getHandlerMethods().keySet().stream())
			.map((info) -> info.getPathPatternsCondition())
			.filter(Objects::nonNull)
			.flatMap((condition) -> condition.getPatterns().stream())
			.distinct()
			.sorted(PathPattern.SPECIFICITY_COMPARATOR)
			.toList());
	}

	/**
	 * The most specific template matching a path.
	 * @param path the request path, without context path
	 * @return the template, empty for an unknown path
	 */
	Optional<String> match(String path) {
		PathContainer container = PathContainer.parsePath(path);
		return this.patterns.get()
			.stream()
			.filter((pattern) -> pattern.matches(container))
			.findFirst()
			.map(PathPattern::getPatternString);
	}

}
