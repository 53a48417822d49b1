package dev.lightspeed.stack.llamastack;

import java.util.List;
import java.util.Optional;

import dev.lightspeed.stack.config.McpServerConfig;

/**
 * What this service needs from Llama Stack, independent of the API generation that
 * provides it. Every method throws {@link LlamaStackUnavailableException} when Llama
 * Stack cannot be reached and {@link LlamaStackApiException} when it answers with an
 * error status.
 */
public interface LlamaStackBackend {

	/**
	 * {@code GET /v1/models}.
	 * @return the models, in Llama Stack's order
	 */
	List<Model> models();

	/**
	 * {@code GET /v1/shields}.
	 * @return the shields
	 */
	List<Shield> shields();

	/**
	 * Identifiers of the vector stores usable for RAG.
	 * @return the identifiers, possibly empty
	 */
	List<String> vectorStoreIds();

	/**
	 * {@code GET /v1/providers} with each provider's health.
	 * @return the providers
	 */
	List<ProviderHealth> providers();

	/**
	 * Registers the MCP servers that Llama Stack does not know yet, in configuration
	 * order.
	 * @param servers the configured servers
	 */
	void registerMcpServers(List<McpServerConfig> servers);

	/**
	 * Starts a conversation whose model, instructions and shields stay with it.
	 * @param spec what the conversation runs with
	 * @return the conversation
	 */
	Conversation createConversation(ConversationSpec spec);

	/**
	 * Finds an existing conversation.
	 * @param conversationId the conversation id
	 * @return the conversation, empty when Llama Stack does not know it
	 */
	Optional<Conversation> findConversation(String conversationId);

	/**
	 * Starts a turn. The returned stream must be closed; closing it early cancels the
	 * turn upstream.
	 * @param conversation the conversation
	 * @param input the user's turn
	 * @return the turn's events
	 */
	TurnStream streamTurn(Conversation conversation, TurnInput input);

	/**
	 * The turns of a conversation.
	 * @param conversationId the conversation id
	 * @return the turns, oldest first; empty when Llama Stack does not know the
	 * conversation
	 */
	Optional<List<ChatTurn>> history(String conversationId);

	/**
	 * Deletes a conversation and what Llama Stack keeps for it.
	 * @param conversationId the conversation id
	 * @return false when Llama Stack did not know it
	 */
	boolean deleteConversation(String conversationId);

	/**
	 * Answers one prompt outside any conversation, with nothing else (no shields, no
	 * tools, no history, nothing kept afterwards): for side tasks such as a
	 * conversation's topic summary.
	 * @param modelId Llama Stack model identifier
	 * @param instructions system prompt
	 * @param prompt the user message
	 * @return the answer text, empty when the model gave none
	 * @throws UnsupportedOperationException when this backend cannot do it
	 */
	default String complete(String modelId, String instructions, String prompt) {
		throw new UnsupportedOperationException("complete is not supported by " + getClass().getSimpleName());
	}

}
