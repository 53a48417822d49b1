package dev.lightspeed.stack.mcp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import dev.lightspeed.stack.config.McpServerConfig;
import dev.lightspeed.stack.config.Urls;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which MCP servers a turn offers and the headers each gets: the client's
 * {@code MCP-HEADERS} (LCS 0.2.0: keyed by server name or URL; RHDH 2.x sends a bare
 * token, 0.2.0 clients {@code Bearer <token>}, either is passed on), then the server's
 * {@code authorization_headers} (a secret file's value, or the caller's own token for
 * {@code kubernetes}), then the request headers it forwards (LCS 0.7's order). A server
 * whose authorization headers are not all resolved is not offered (LCS 0.7). With no
 * {@code MCP-HEADERS} at all, the caller's token goes to the configured servers that name
 * no authorization headers (0.2.0).
 * <p>
 * A server registered at run time gets the caller's own credentials (the
 * {@code kubernetes} token, forwarded request headers) only in its owner's turns: anyone
 * may register a URL, and other users' tokens must not follow it there.
 */
final class McpHeaders {

	static final String HEADER = "MCP-HEADERS";

	private static final String AUTHORIZATION = "Authorization";

	private static final Logger logger = LoggerFactory.getLogger(McpHeaders.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private McpHeaders() {
	}

	/**
	 * Parses {@code MCP-HEADERS}; bad JSON or a non-object is ignored, as in 0.2.0.
	 */
	static Map<String, Map<String, String>> parse(@Nullable String header) {
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

	static Resolved resolve(List<Server> servers, Map<String, Map<String, String>> parsed, Caller caller,
			Function<String, @Nullable String> requestHeader, boolean forwardCallerToken) {
		Map<String, Map<String, String>> byUrl = new LinkedHashMap<>();
		boolean clientSent = false;
		// 0.2.0: headers for a URL that no server has go to Llama Stack as they are
		for (Map.Entry<String, Map<String, String>> entry : parsed.entrySet()) {
			if (Urls.isHttpUrl(entry.getKey()) && servers.stream().noneMatch((s) -> s.url().equals(entry.getKey()))) {
				byUrl.put(entry.getKey(), entry.getValue());
				clientSent = true;
			}
		}
		List<Server> offered = new ArrayList<>();
		List<Map<String, String>> offeredHeaders = new ArrayList<>();
		for (Server server : servers) {
			Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
			putNonBlank(headers, parsed.get(server.url()));
			putNonBlank(headers, parsed.get(server.name()));
			clientSent |= !headers.isEmpty();
			boolean trusted = server.owner() == null || server.owner().equals(caller.userId());
			server.keywords().forEach((name, keyword) -> {
				if (McpServerConfig.KUBERNETES.equals(keyword) && trusted && !caller.token().isEmpty()) {
					headers.putIfAbsent(name, "Bearer " + caller.token());
				}
			});
			server.secrets().forEach((name, value) -> {
				if (!value.isEmpty()) {
					headers.putIfAbsent(name, value);
				}
			});
			for (String name : trusted ? server.forwarded() : List.<String>of()) {
				String value = requestHeader.apply(name);
				if (value != null) {
					headers.putIfAbsent(name, value);
				}
			}
			if (server.authorizationHeaderNames().stream().allMatch(headers::containsKey)) {
				offered.add(server);
				offeredHeaders.add(headers);
			}
			else {
				logger.debug("MCP server {} is not offered: the request resolves not all of its authorization "
						+ "headers {}", server.name(), server.authorizationHeaderNames());
			}
		}
		for (int i = 0; i < offered.size(); i++) {
			Server server = offered.get(i);
			Map<String, String> headers = offeredHeaders.get(i);
			if (!clientSent && forwardCallerToken && !caller.token().isEmpty() && server.owner() == null
					&& server.authorizationHeaderNames().isEmpty()) {
				headers.putIfAbsent(AUTHORIZATION, "Bearer " + caller.token());
			}
			if (!headers.isEmpty()) {
				byUrl.put(server.url(), headers);
			}
		}
		return new Resolved(offered, byUrl);
	}

	// a header the client sent empty is one it has no value for
	private static void putNonBlank(Map<String, String> headers, @Nullable Map<String, String> sent) {
		if (sent != null) {
			sent.forEach((name, value) -> {
				if (!value.isBlank()) {
					headers.put(name, value);
				}
			});
		}
	}

	private static String text(JsonNode value) {
		return value.isString() ? value.asString() : value.toString();
	}

	/**
	 * A server as a turn sees it.
	 *
	 * @param name its name
	 * @param url its URL
	 * @param keywords authorization headers resolved per request: header name to
	 * {@code client}, {@code oauth} or {@code kubernetes}
	 * @param secrets authorization headers with a value read from a file (empty when the
	 * file was empty, which never resolves)
	 * @param forwarded names of request headers it gets
	 * @param owner who registered it at run time, null for a configured server
	 */
	record Server(String name, String url, Map<String, String> keywords, Map<String, String> secrets,
			List<String> forwarded, @Nullable String owner) {

		List<String> authorizationHeaderNames() {
			List<String> names = new ArrayList<>(this.keywords.keySet());
			names.addAll(this.secrets.keySet());
			return names;
		}

		@Override
		public String toString() {
			return "Server[name=" + this.name + ", url=" + this.url + "]";
		}

	}

	/**
	 * Who asks.
	 *
	 * @param userId the caller's user id
	 * @param token the caller's bearer token, empty for none
	 */
	record Caller(String userId, String token) {

		@Override
		public String toString() {
			return "Caller[userId=" + this.userId + "]";
		}

	}

	/**
	 * What a turn offers.
	 *
	 * @param offered the servers offered, in order
	 * @param headers server URL to the headers sent to it
	 */
	record Resolved(List<Server> offered, Map<String, Map<String, String>> headers) {
	}

}
