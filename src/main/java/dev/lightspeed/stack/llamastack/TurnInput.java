package dev.lightspeed.stack.llamastack;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One user turn, with everything it runs with. The Agents API fixes model, instructions
 * and shields when the conversation starts (its agent), so a follow-up there keeps the
 * conversation's; the Responses API takes them with every turn.
 *
 * @param modelId Llama Stack model identifier
 * @param instructions system prompt
 * @param query the user's question
 * @param documents attachments
 * @param tools the tools offered for this turn, null for none ({@code no_tools})
 * @param shields the shields that check this turn
 */
public record TurnInput(String modelId, String instructions, String query, List<Document> documents,
		@Nullable Tools tools, Shields shields) {

	public TurnInput {
		documents = List.copyOf(documents);
	}

	/**
	 * An attachment.
	 *
	 * @param type the attachment type ({@code log}, {@code configuration}, ...)
	 * @param content the text
	 * @param mimeType its content type
	 */
	public record Document(String type, String content, String mimeType) {
	}

	/**
	 * Tools for one turn: knowledge search over vector stores and MCP servers, with
	 * per-server HTTP headers.
	 *
	 * @param vectorStoreIds vector stores for knowledge search
	 * @param mcpServers the MCP servers offered
	 * @param mcpHeaders MCP server URL to the headers sent to it
	 */
	public record Tools(List<String> vectorStoreIds, List<McpServer> mcpServers,
			Map<String, Map<String, String>> mcpHeaders) {

		public Tools {
			vectorStoreIds = List.copyOf(vectorStoreIds);
			mcpServers = List.copyOf(mcpServers);
			mcpHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(mcpHeaders));
		}

	}

	/**
	 * An MCP server offered to the model.
	 *
	 * @param name its name, which is its tool group (Agents) or server label (Responses)
	 * @param url its URL
	 */
	public record McpServer(String name, String url) {
	}

	/**
	 * Shields.
	 *
	 * @param input shields that check the user's input
	 * @param output shields that check the answer
	 */
	public record Shields(List<Shield> input, List<Shield> output) {

		/** No shields. */
		public static final Shields NONE = new Shields(List.of(), List.of());

		public Shields {
			input = List.copyOf(input);
			output = List.copyOf(output);
		}

		List<String> inputIds() {
			return this.input.stream().map(Shield::identifier).toList();
		}

		List<String> outputIds() {
			return this.output.stream().map(Shield::identifier).toList();
		}

	}

}
