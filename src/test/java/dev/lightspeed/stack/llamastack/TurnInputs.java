package dev.lightspeed.stack.llamastack;

import java.util.List;
import java.util.stream.Stream;

/**
 * Turn inputs for tests.
 */
public final class TurnInputs {

	private TurnInputs() {
	}

	/**
	 * A plain question with no attachments, tools or shields.
	 * @param query the question
	 * @return the input
	 */
	public static TurnInput of(String query) {
		return new TurnInput("vllm/fake-model", "You are a helpful assistant", query, List.of(), null,
				TurnInput.Shields.NONE);
	}

	/**
	 * A question with attachments.
	 * @param query the question
	 * @param documents the attachments
	 * @return the input
	 */
	public static TurnInput withDocuments(String query, List<TurnInput.Document> documents) {
		return new TurnInput("vllm/fake-model", "You are a helpful assistant", query, documents, null,
				TurnInput.Shields.NONE);
	}

	/**
	 * MCP servers by name, each at {@code http://<name>/mcp}.
	 * @param names the names
	 * @return the servers
	 */
	public static List<TurnInput.McpServer> servers(String... names) {
		return Stream.of(names).map((name) -> new TurnInput.McpServer(name, "http://" + name + "/mcp")).toList();
	}

	/**
	 * Shields known by identifier only.
	 * @param input input shield ids
	 * @param output output shield ids
	 * @return the shields
	 */
	public static TurnInput.Shields shields(List<String> input, List<String> output) {
		return new TurnInput.Shields(input.stream().map(Shield::new).toList(),
				output.stream().map(Shield::new).toList());
	}

	/**
	 * A question with tools.
	 * @param query the question
	 * @param tools the tools
	 * @return the input
	 */
	public static TurnInput withTools(String query, TurnInput.Tools tools) {
		return new TurnInput("vllm/fake-model", "You are a helpful assistant", query, List.of(), tools,
				TurnInput.Shields.NONE);
	}

}
