package dev.lightspeed.stack.llamastack;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * Llama Stack's OpenAI Responses API as such, for {@code POST /v1/responses}: the body
 * goes through as the client wrote it, once checked and completed. Every method throws
 * {@link LlamaStackUnsupportedException} when the connected Llama Stack has no Responses
 * API (0.2.x), besides the usual {@link LlamaStackUnavailableException} and
 * {@link LlamaStackApiException}.
 */
public interface LlamaStackResponses {

	/**
	 * Fails unless the connected Llama Stack serves the Responses API.
	 */
	void requireResponsesApi();

	/**
	 * Checks a text with shields through the Moderations API.
	 * @param shields the shields
	 * @param text the text
	 * @return the first violation, empty when every shield passes it
	 */
	Optional<TurnEvent.Violation> moderate(List<Shield> shields, String text);

	/**
	 * The Responses API tools for knowledge search and MCP servers, as a turn sends them
	 * to this version (the MCP token as {@code authorization} from 0.4).
	 * @param tools the tools
	 * @return the tool definitions
	 */
	List<Object> tools(TurnInput.Tools tools);

	/**
	 * {@code POST /v1/responses} with {@code stream: true}.
	 * @param body the request
	 * @return its events
	 */
	ResponseEvents stream(Map<String, Object> body);

	/**
	 * {@code POST /v1/responses} answered whole.
	 * @param body the request
	 * @return the response object
	 */
	JsonNode respond(Map<String, Object> body);

	/**
	 * Creates a conversation ({@code conv_…}).
	 * @return its id
	 */
	String createConversation();

	/**
	 * Adds a question and its answer to a conversation, for a turn that did not go
	 * through the Responses API (refused by a shield).
	 * @param conversationId the conversation ({@code conv_…})
	 * @param question the user's input as text
	 * @param answer the answer
	 */
	void addTurn(String conversationId, String question, String answer);

	/**
	 * The answer and token counts of a response object.
	 * @param response a response, as {@code response.completed} carries it or as answered
	 * whole
	 * @return the text of its messages and its usage
	 */
	static TurnEvent.TurnCompleted completion(JsonNode response) {
		return ResponsesEvents.completed(response);
	}

}
