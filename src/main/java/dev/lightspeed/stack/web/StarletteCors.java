package dev.lightspeed.stack.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.lightspeed.stack.config.CorsConfig;
import org.jspecify.annotations.Nullable;

/**
 * The decisions of Starlette's {@code CORSMiddleware} for the four {@code service.cors}
 * settings (max age 600 s, no exposed headers, no origin regex), kept apart from the
 * servlet API.
 */
final class StarletteCors {

	static final List<String> ALL_METHODS = List.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT");

	private static final Set<String> SAFELISTED_HEADERS = Set.of("Accept", "Accept-Language", "Content-Language",
			"Content-Type");

	private final boolean allowAllOrigins;

	private final boolean allowAllHeaders;

	private final boolean allowCredentials;

	private final List<String> allowOrigins;

	private final List<String> allowMethods;

	private final List<String> allowHeaders;

	private final Map<String, String> preflightHeaders = new LinkedHashMap<>();

	StarletteCors(CorsConfig config) {
		this.allowOrigins = config.allowOrigins();
		this.allowAllOrigins = this.allowOrigins.contains("*");
		this.allowAllHeaders = config.allowHeaders().contains("*");
		this.allowCredentials = config.allowCredentials();
		this.allowMethods = config.allowMethods().contains("*") ? ALL_METHODS : config.allowMethods();
		Set<String> headers = new TreeSet<>(SAFELISTED_HEADERS);
		headers.addAll(config.allowHeaders());
		this.allowHeaders = headers.stream().map((header) -> header.toLowerCase(Locale.ROOT)).toList();
		if (explicitOriginInPreflight()) {
			this.preflightHeaders.put("Vary", "Origin");
		}
		else {
			this.preflightHeaders.put("Access-Control-Allow-Origin", "*");
		}
		this.preflightHeaders.put("Access-Control-Allow-Methods", String.join(", ", this.allowMethods));
		this.preflightHeaders.put("Access-Control-Max-Age", "600");
		if (!this.allowAllHeaders) {
			this.preflightHeaders.put("Access-Control-Allow-Headers", String.join(", ", headers));
		}
		if (this.allowCredentials) {
			this.preflightHeaders.put("Access-Control-Allow-Credentials", "true");
		}
	}

	/**
	 * The answer to a preflight request.
	 * @param origin the {@code Origin} header
	 * @param method the {@code Access-Control-Request-Method} header
	 * @param requestedHeaders the {@code Access-Control-Request-Headers} header
	 * @return status, body and headers
	 */
	Preflight preflight(String origin, String method, @Nullable String requestedHeaders) {
		Map<String, String> headers = new LinkedHashMap<>(this.preflightHeaders);
		StringBuilder failures = new StringBuilder();
		if (isAllowedOrigin(origin)) {
			if (explicitOriginInPreflight()) {
				headers.put("Access-Control-Allow-Origin", origin);
			}
		}
		else {
			failures.append("origin");
		}
		if (!this.allowMethods.contains(method)) {
			append(failures, "method");
		}
		if (this.allowAllHeaders && requestedHeaders != null) {
			headers.put("Access-Control-Allow-Headers", requestedHeaders);
		}
		else if (requestedHeaders != null) {
			for (String header : requestedHeaders.toLowerCase(Locale.ROOT).split(",")) {
				if (!this.allowHeaders.contains(header.strip())) {
					append(failures, "headers");
					break;
				}
			}
		}
		if (!failures.isEmpty()) {
			return new Preflight(400, "Disallowed CORS " + failures, headers);
		}
		return new Preflight(200, "OK", headers);
	}

	/**
	 * The headers added to an ordinary response to a request with an {@code Origin}.
	 * @param origin the {@code Origin} header
	 * @param hasCookie whether the request carries a {@code Cookie} header
	 * @return the headers, in order; {@code Vary: Origin} is to be added, not set
	 */
	Map<String, String> simpleResponseHeaders(String origin, boolean hasCookie) {
		Map<String, String> headers = new LinkedHashMap<>();
		if (this.allowAllOrigins) {
			headers.put("Access-Control-Allow-Origin", hasCookie ? origin : "*");
		}
		if (this.allowCredentials) {
			headers.put("Access-Control-Allow-Credentials", "true");
		}
		if (!this.allowAllOrigins && isAllowedOrigin(origin)) {
			headers.put("Access-Control-Allow-Origin", origin);
		}
		return headers;
	}

	/**
	 * Whether a simple response echoes the origin and so varies by it.
	 * @param origin the {@code Origin} header
	 * @param hasCookie whether the request carries a {@code Cookie} header
	 * @return true when {@code Vary: Origin} is to be added
	 */
	boolean variesByOrigin(String origin, boolean hasCookie) {
		return (this.allowAllOrigins && hasCookie) || (!this.allowAllOrigins && isAllowedOrigin(origin));
	}

	private boolean explicitOriginInPreflight() {
		return !this.allowAllOrigins || this.allowCredentials;
	}

	private boolean isAllowedOrigin(String origin) {
		return this.allowAllOrigins || this.allowOrigins.contains(origin);
	}

	private static void append(StringBuilder failures, String failure) {
		failures.append(failures.isEmpty() ? "" : ", ").append(failure);
	}

	record Preflight(int status, String body, Map<String, String> headers) {
	}

}
