package dev.lightspeed.stack.llamastack;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One user turn.
 *
 * @param query the user's question
 * @param documents attachments, sent as turn documents
 * @param tools the tools offered for this turn, null for none ({@code no_tools})
 */
public record TurnInput(String query, List<Document> documents, @Nullable Tools tools) {

	public TurnInput {
		documents = List.copyOf(documents);
	}

	/**
	 * An attachment.
	 *
	 * @param content the text
	 * @param mimeType its content type
	 */
	public record Document(String content, String mimeType) {
	}

	/**
	 * Tools for one turn: RAG over vector stores and MCP servers, with per-server HTTP
	 * headers.
	 *
	 * @param vectorStoreIds vector stores for knowledge search
	 * @param mcpServerNames registered MCP tool groups
	 * @param mcpHeaders MCP server URL to the headers sent to it
	 */
	public record Tools(List<String> vectorStoreIds, List<String> mcpServerNames,
			Map<String, Map<String, String>> mcpHeaders) {

		public Tools {
			vectorStoreIds = List.copyOf(vectorStoreIds);
			mcpServerNames = List.copyOf(mcpServerNames);
			mcpHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(mcpHeaders));
		}

	}

}
