package dev.lightspeed.stack.query;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.lightspeed.stack.config.McpServerConfig;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code MCP-HEADERS} request header (LCS 0.2.0 §6.5, §6.6): a JSON object of MCP
 * server (name or URL) to HTTP headers, re-keyed by server URL. Bad JSON or a non-object
 * is ignored, as in 0.2.0.
 */
public final class McpHeaders {

	/** The request header. */
	public static final String HEADER = "MCP-HEADERS";

	private static final Logger logger = LoggerFactory.getLogger(McpHeaders.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private McpHeaders() {
	}

	/**
	 * Reads the header.
	 * @param header its value, if sent
	 * @return headers by MCP server name or URL; empty when absent or not a JSON object
	 */
	public static Map<String, Map<String, String>> parse(@Nullable String header) {
		Map<String, Map<String, String>> result = new LinkedHashMap<>();
		if (header == null || header.isBlank()) {
			return result;
		}
		JsonNode root;
		try {
			root = JSON.readTree(header);
		}
		catch (JacksonException ex) {
			logger.warn("Ignoring MCP-HEADERS: not valid JSON");
			return result;
		}
		if (root == null || !root.isObject()) {
			logger.warn("Ignoring MCP-HEADERS: not a JSON object");
			return result;
		}
		for (Map.Entry<String, JsonNode> server : root.properties()) {
			if (server.getValue().isObject()) {
				Map<String, String> headers = new LinkedHashMap<>();
				server.getValue().properties().forEach((h) -> headers.put(h.getKey(), text(h.getValue())));
				result.put(server.getKey(), headers);
			}
		}
		return result;
	}

	/**
	 * Re-keys the parsed headers by server URL; with none given, forwards the caller's
	 * token to every server.
	 * @param parsed what {@link #parse} read
	 * @param servers the configured MCP servers
	 * @param callerToken the caller's bearer token, empty when none
	 * @param forwardCallerToken whether to forward it
	 * @return headers by server URL
	 */
	public static Map<String, Map<String, String>> resolve(Map<String, Map<String, String>> parsed,
			List<McpServerConfig> servers, String callerToken, boolean forwardCallerToken) {
		Map<String, Map<String, String>> resolved = new LinkedHashMap<>();
		parsed.forEach((key, headers) -> {
			if (isHttpUrl(key)) {
				resolved.put(key, headers);
			}
			else {
				servers.stream()
					.filter((server) -> server.name().equals(key) && !server.url().isEmpty())
					.findFirst()
					.ifPresent((server) -> resolved.put(server.url(), headers));
			}
		});
		if (resolved.isEmpty() && !callerToken.isEmpty() && forwardCallerToken) {
			servers.forEach((server) -> resolved.put(server.url(), Map.of("Authorization", "Bearer " + callerToken)));
		}
		return resolved;
	}

	private static boolean isHttpUrl(String key) {
		try {
			URI uri = new URI(key);
			return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
					&& !uri.getHost().isEmpty();
		}
		catch (java.net.URISyntaxException ex) {
			return false;
		}
	}

	private static String text(JsonNode value) {
		return value.isString() ? value.asString() : value.toString();
	}

}
