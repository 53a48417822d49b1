package dev.lightspeed.stack.llamastack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.lightspeed.stack.json.PythonJson;
import dev.lightspeed.stack.llamastack.Wire.DocumentInfo;
import dev.lightspeed.stack.llamastack.Wire.RagArgs;
import dev.lightspeed.stack.llamastack.Wire.ToolGroupArgs;
import dev.lightspeed.stack.llamastack.Wire.TurnRequest;
import dev.lightspeed.stack.llamastack.Wire.UserMessage;
import org.jspecify.annotations.Nullable;

/**
 * Builds the body and headers of {@code POST /v1/agents/{a}/session/{s}/turn}.
 */
final class AgentTurnRequests {

	static final String PROVIDER_DATA_HEADER = "X-LlamaStack-Provider-Data";

	static final String RAG_TOOL = "builtin::rag/knowledge_search";

	// Llama Stack 0.2.x accepts only text/* and application/yaml documents; LCS sends
	// these two as plain text so attachments of those types still work.
	private static final Set<String> SENT_AS_TEXT = Set.of("application/json", "application/xml");

	private AgentTurnRequests() {
	}

	static TurnRequest body(TurnInput input) {
		List<DocumentInfo> documents = input.documents()
			.stream()
			.map((document) -> new DocumentInfo(document.content(), mimeType(document.mimeType())))
			.toList();
		return new TurnRequest(List.of(new UserMessage("user", input.query())), true, documents,
				toolgroups(input.tools()));
	}

	private static String mimeType(String mimeType) {
		return SENT_AS_TEXT.contains(mimeType) ? "text/plain" : mimeType;
	}

	private static @Nullable List<Object> toolgroups(TurnInput.@Nullable Tools tools) {
		if (tools == null) {
			return null;
		}
		List<Object> toolgroups = new ArrayList<>();
		if (!tools.vectorStoreIds().isEmpty()) {
			toolgroups.add(new ToolGroupArgs(RAG_TOOL, new RagArgs(tools.vectorStoreIds())));
		}
		tools.mcpServers().forEach((server) -> toolgroups.add(server.name()));
		return toolgroups.isEmpty() ? null : toolgroups;
	}

	/**
	 * The per-request MCP headers: sent whenever tools are offered, even when empty, and
	 * formatted like Python's {@code json.dumps}, as LCS sends them.
	 */
	static Map<String, String> headers(TurnInput input) {
		TurnInput.Tools tools = input.tools();
		if (tools == null) {
			return Map.of();
		}
		return Map.of(PROVIDER_DATA_HEADER, PythonJson.write(Map.of("mcp_headers", withScheme(tools.mcpHeaders()))));
	}

	// Llama Stack 0.2.x sends the Authorization value to the MCP server as it is; RHDH
	// 2.x gives a bare token, which needs its scheme (the Responses API adds it itself)
	private static Map<String, Map<String, String>> withScheme(Map<String, Map<String, String>> byUrl) {
		Map<String, Map<String, String>> result = new LinkedHashMap<>();
		byUrl.forEach((url, headers) -> {
			Map<String, String> sent = new LinkedHashMap<>();
			headers.forEach((name, value) -> sent.put(name,
					"authorization".equalsIgnoreCase(name) && !value.strip().isEmpty() && !value.strip().contains(" ")
							? "Bearer " + value.strip() : value));
			result.put(url, sent);
		});
		return result;
	}

}
