package dev.lightspeed.stack.llamastack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Builds the body of {@code POST /v1/responses} for a turn, sending only fields the
 * connected version knows: every field used here exists from 0.3.0, except the MCP tool's
 * {@code authorization}, which replaced an {@code Authorization} header in 0.4.0 (from
 * 0.6 a header of that name is refused).
 */
final class ResponsesRequests {

	private static final SemanticVersion AUTHORIZATION_FIELD = SemanticVersion.of("0.4.0");

	private static final String BEARER = "bearer ";

	private final SemanticVersion version;

	ResponsesRequests(SemanticVersion version) {
		this.version = version;
	}

	Map<String, Object> turn(String conversationId, TurnInput input) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("model", input.modelId());
		body.put("input", input(input));
		body.put("instructions", input.instructions());
		body.put("conversation", conversationId);
		body.put("store", true);
		body.put("stream", true);
		List<Object> tools = tools(input.tools());
		if (!tools.isEmpty()) {
			body.put("tools", tools);
		}
		return body;
	}

	/**
	 * A one-off answer: nothing stored, nothing streamed.
	 */
	static Map<String, Object> completion(String modelId, String instructions, String prompt) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("model", modelId);
		body.put("input", prompt);
		body.put("instructions", instructions);
		body.put("stream", false);
		body.put("store", false);
		return body;
	}

	/**
	 * The question with its attachments appended as text, each under a label naming its
	 * type, as LCS 0.4+ sends them.
	 */
	static String input(TurnInput input) {
		StringBuilder text = new StringBuilder(input.query());
		for (TurnInput.Document document : input.documents()) {
			text.append("\n\n[Attachment: ").append(document.type()).append("]\n").append(document.content());
		}
		return text.toString();
	}

	List<Object> tools(TurnInput.@Nullable Tools tools) {
		List<Object> definitions = new ArrayList<>();
		if (tools == null) {
			return definitions;
		}
		if (!tools.vectorStoreIds().isEmpty()) {
			definitions.add(Map.of("type", "file_search", "vector_store_ids", tools.vectorStoreIds()));
		}
		for (TurnInput.McpServer server : tools.mcpServers()) {
			definitions.add(mcp(server, tools.mcpHeaders().getOrDefault(server.url(), Map.of())));
		}
		return definitions;
	}

	private Map<String, Object> mcp(TurnInput.McpServer server, Map<String, String> headers) {
		Map<String, Object> tool = new LinkedHashMap<>();
		tool.put("type", "mcp");
		tool.put("server_label", server.name());
		tool.put("server_url", server.url());
		tool.put("require_approval", "never");
		Map<String, String> sent = new LinkedHashMap<>();
		String token = null;
		for (Map.Entry<String, String> header : headers.entrySet()) {
			if (isAuthorization(header.getKey())) {
				token = bareToken(header.getValue());
			}
			else {
				sent.put(header.getKey(), header.getValue());
			}
		}
		if (token != null && this.version.compareTo(AUTHORIZATION_FIELD) >= 0) {
			tool.put("authorization", token);
		}
		else if (token != null) {
			sent.put("Authorization", "Bearer " + token);
		}
		if (!sent.isEmpty()) {
			tool.put("headers", sent);
		}
		return tool;
	}

	private static boolean isAuthorization(String name) {
		return "authorization".equals(name.toLowerCase(Locale.ROOT));
	}

	// Llama Stack adds "Bearer " itself; RHDH 2.x sends the bare token, 0.2.0 clients the
	// whole header value
	private static String bareToken(String value) {
		String trimmed = value.strip();
		return trimmed.toLowerCase(Locale.ROOT).startsWith(BEARER) ? trimmed.substring(BEARER.length()).strip()
				: trimmed;
	}

}
