package dev.lightspeed.stack.llamastack;

import java.util.List;
import java.util.Optional;

import dev.lightspeed.stack.config.McpServerConfig;

/**
 * What this service needs from Llama Stack, independent of the API generation that
 * provides it: the Agents API (0.2.x) or the Responses API (0.3+, OGX). Every method
 * throws {@link LlamaStackUnavailableException} when Llama Stack cannot be asked and
 * {@link LlamaStackApiException} when it answers with an error status.
 */
public interface LlamaStackBackend {

	/**
	 * {@code GET /v1/models}, in Llama Stack's own model shape whatever the generation.
	 * @return the models, in Llama Stack's order
	 */
	List<Model> models();

	/**
	 * {@code GET /v1/shields}.
	 * @return the shields
	 */
	List<Shield> shields();

	/**
	 * The vector stores ({@code GET /v1/vector_stores}; under {@code /v1/openai/v1} in
	 * 0.2.x).
	 * @return the stores, in Llama Stack's order
	 */
	List<VectorStore> vectorStores();

	/**
	 * Identifiers of the vector stores usable for knowledge search.
	 * @return the identifiers, possibly empty
	 */
	List<String> vectorStoreIds();

	/**
	 * {@code GET /v1/providers} with each provider's health.
	 * @return the providers
	 */
	List<ProviderHealth> providers();

	/**
	 * Starts a conversation.
	 * @param spec what its first turn runs with
	 * @return the conversation
	 */
	Conversation createConversation(ConversationSpec spec);

	/**
	 * Finds an existing conversation from what this service recorded of it.
	 * @param recorded the conversation as recorded; its upstream id may be missing
	 * @return the conversation, empty when Llama Stack does not know it
	 */
	Optional<Conversation> findConversation(Conversation recorded);

	/**
	 * Starts a turn. The returned stream must be closed; closing it early cancels the
	 * turn upstream.
	 * @param conversation the conversation
	 * @param input the user's turn
	 * @return the turn's events
	 */
	TurnStream streamTurn(Conversation conversation, TurnInput input);

	/**
	 * Keeps a turn the user stopped mid-answer in the conversation's history, with the
	 * answer as far as it came: Llama Stack keeps only turns that complete.
	 * @param conversation the conversation
	 * @param input the turn
	 * @param partialAnswer the answer so far
	 * @return false when this API has no way to add to a conversation's history
	 */
	boolean keepInterruptedTurn(Conversation conversation, TurnInput input, String partialAnswer);

	/**
	 * The turns of a conversation.
	 * @param conversation the conversation
	 * @return the turns, oldest first; empty when Llama Stack does not know the
	 * conversation
	 */
	Optional<List<ChatTurn>> history(Conversation conversation);

	/**
	 * Deletes a conversation and what Llama Stack keeps for it.
	 * @param conversation the conversation
	 * @return false when Llama Stack did not know it
	 */
	boolean deleteConversation(Conversation conversation);

	/**
	 * Makes an MCP server registered at run time known to Llama Stack where the API
	 * generation needs that: the Agents API offers MCP servers as tool groups, so it gets
	 * one (unless Llama Stack has a tool group of that name already); the Responses API
	 * takes servers inline with each turn and needs nothing.
	 * @param server the server
	 */
	void registerMcpServer(McpServerConfig server);

	/**
	 * Undoes {@link #registerMcpServer}; a tool group Llama Stack does not know is no
	 * error.
	 * @param name the server's name
	 */
	void unregisterMcpServer(String name);

	/**
	 * Answers one prompt outside any conversation, with nothing else (no shields, no
	 * tools, no history, nothing kept afterwards), in one call to Llama Stack: for side
	 * tasks such as a conversation's topic summary.
	 * @param modelId Llama Stack model identifier
	 * @param instructions system prompt
	 * @param prompt the user message
	 * @return the answer text, empty when the model gave none
	 */
	String complete(String modelId, String instructions, String prompt);

}
