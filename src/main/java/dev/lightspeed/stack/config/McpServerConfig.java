package dev.lightspeed.stack.config;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * One entry of {@code mcp_servers} (LCS 0.2.0, with the keys LCS 0.4 added): an MCP
 * server offered to the model, a tool group named {@code name} for the Agents API.
 *
 * @param name tool group id (Agents API) or server label (Responses API)
 * @param providerId Llama Stack tool runtime provider
 * @param url MCP endpoint
 * @param authorizationHeaders header name to where its value comes from: {@value #CLIENT}
 * (the client's {@code MCP-HEADERS}), {@value #OAUTH} (the same), {@value #KUBERNETES}
 * (the caller's own bearer token) or a file holding the value
 * @param headers names of the incoming request's headers forwarded to this server
 * @param timeout seconds; accepted as LCS accepts it, not applied: neither Llama Stack
 * API takes a timeout for an MCP server
 */
public record McpServerConfig(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
		@JsonProperty("provider_id") String providerId, @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String url,
		@JsonProperty("authorization_headers") @JsonSerialize(
				using = AuthorizationHeadersSerializer.class) Map<String, String> authorizationHeaders,
		List<String> headers, @Schema(minimum = "1") @Nullable Integer timeout) implements CrossChecked {

	/** Value of an authorization header the client sends in {@code MCP-HEADERS}. */
	public static final String CLIENT = "client";

	/** Value of an authorization header that gets the caller's own bearer token. */
	public static final String KUBERNETES = "kubernetes";

	/**
	 * Value of an authorization header the client sends after an OAuth flow (LCS 0.4.2);
	 * taken from {@code MCP-HEADERS} like {@value #CLIENT}.
	 */
	public static final String OAUTH = "oauth";

	/** The values of {@code authorization_headers} that are not file paths. */
	public static final Set<String> KEYWORDS = Set.of(CLIENT, KUBERNETES, OAUTH);

	private static final String DEFAULT_PROVIDER = "model-context-protocol";

	private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

	// the modules whose token can be forwarded as a Kubernetes token (LCS 0.4)
	private static final Set<String> KUBERNETES_TOKEN_MODULES = Set.of("k8s", "noop-with-token");

	public McpServerConfig {
		providerId = (providerId != null) ? providerId : DEFAULT_PROVIDER;
		authorizationHeaders = (authorizationHeaders != null)
				? Collections.unmodifiableMap(new LinkedHashMap<>(authorizationHeaders)) : Map.of();
		headers = (headers != null) ? List.copyOf(headers) : List.of();
	}

	/**
	 * A server with a name, provider and URL only (LCS 0.2.0's keys).
	 * @param name tool group id
	 * @param providerId Llama Stack tool runtime provider, null for the default
	 * @param url MCP endpoint
	 */
	public McpServerConfig(String name, @Nullable String providerId, String url) {
		this(name, providerId, url, null, null, null);
	}

	@Override
	public void crossCheck(SectionCheck section) {
		this.authorizationHeaders.forEach((header, value) -> {
			String path = "authorization_headers." + header;
			section.check(isHeaderName(header), path, "Header name is not a valid HTTP header name");
			// a file that is not there is reported without its name: it may be a token
			// written where a path belongs
			section.check(KEYWORDS.contains(value.strip()) || isReadableFile(value.strip()), path,
					"Path does not point to a readable file");
		});
		String problem = headerNamesProblem(this.headers);
		section.check(problem == null, "headers", String.valueOf(problem));
	}

	/**
	 * What is wrong with a list of header names: one that is not an HTTP header name, or
	 * one given twice whatever its case (LCS's rule).
	 * @param names the names
	 * @return the problem, null for none
	 */
	public static @Nullable String headerNamesProblem(List<String> names) {
		Set<String> seen = new HashSet<>();
		for (String name : names) {
			if (!isHeaderName(name)) {
				return "Header name '" + name + "' is not a valid HTTP header name";
			}
			if (!seen.add(name.toLowerCase(Locale.ROOT))) {
				return "Duplicate header name (case-insensitive): '" + name + "'";
			}
		}
		return null;
	}

	/**
	 * Whether a text is an HTTP header name (an RFC 9110 token).
	 * @param name the text
	 * @return true when it is
	 */
	public static boolean isHeaderName(String name) {
		return HEADER_NAME.matcher(name).matches();
	}

	private static boolean isReadableFile(String path) {
		try {
			Path file = Path.of(path);
			return Files.isRegularFile(file) && Files.isReadable(file);
		}
		catch (InvalidPathException ex) {
			return false;
		}
	}

	/**
	 * Whether the authentication module gives a token worth forwarding as a Kubernetes
	 * token; LCS 0.4+ drops a server asking for one with any other module.
	 * @param module the authentication module
	 * @return true unless the server wants a Kubernetes token the module cannot give
	 */
	boolean usableWith(String module) {
		return KUBERNETES_TOKEN_MODULES.contains(module)
				|| this.authorizationHeaders.values().stream().noneMatch((value) -> KUBERNETES.equals(value.strip()));
	}

}
