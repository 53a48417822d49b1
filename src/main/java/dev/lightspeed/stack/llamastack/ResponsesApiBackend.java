package dev.lightspeed.stack.llamastack;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.lightspeed.stack.config.McpServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The backend for Llama Stack 0.3 and later, OGX included: the Responses API with the
 * Conversations and Moderations APIs. A conversation is one Llama Stack conversation
 * ({@code conv_…}) that clients know by a UUID of this service's; a turn is one
 * {@code POST /v1/responses} in it, streamed, with the system prompt as
 * {@code instructions}, MCP servers as inline tools and knowledge search as
 * {@code file_search}. Shields run through {@code /v1/moderations}: input shields before
 * the turn (a refused question and its refusal are added to the conversation, so its
 * history stays whole), output shields on the complete answer.
 */
class ResponsesApiBackend extends CatalogBackend {

	private static final Logger logger = LoggerFactory.getLogger(ResponsesApiBackend.class);

	private static final String CONVERSATION_PREFIX = "conv_";

	private final ResponsesRequests requests;

	private final Moderations moderations;

	ResponsesApiBackend(LlamaStackHttp http, SemanticVersion version, Duration catalogTtl) {
		super(http, catalogTtl);
		this.requests = new ResponsesRequests(version);
		this.moderations = new Moderations(http);
	}

	@Override
	String vectorStoresPath() {
		return "/v1/vector_stores";
	}

	@Override
	List<String> fetchVectorStoreIds() {
		return vectorStores().stream().map(VectorStore::id).filter((id) -> !id.isEmpty()).toList();
	}

	// MCP servers travel inline with each turn
	@Override
	public void registerMcpServer(McpServerConfig server) {
	}

	@Override
	public void unregisterMcpServer(String name) {
	}

	@Override
	public Conversation createConversation(ConversationSpec spec) {
		String upstreamId = this.http.post("/v1/conversations", Map.of("metadata", Map.of()), JsonNode.class)
			.path("id")
			.stringValue("");
		if (!upstreamId.startsWith(CONVERSATION_PREFIX)) {
			throw UpstreamErrors.invalidReply("POST /v1/conversations gave no conversation id");
		}
		return new Conversation(UUID.randomUUID().toString(), upstreamId);
	}

	/**
	 * A conversation recorded without a Llama Stack conversation id was made through the
	 * Agents API, by an older Llama Stack: this one does not know it.
	 */
	@Override
	public Optional<Conversation> findConversation(Conversation recorded) {
		return (recorded.upstreamId() != null && recorded.upstreamId().startsWith(CONVERSATION_PREFIX))
				? Optional.of(recorded) : Optional.empty();
	}

	@Override
	public TurnStream streamTurn(Conversation conversation, TurnInput input) {
		String upstreamId = upstreamId(conversation);
		Optional<TurnEvent.Violation> refused = this.moderations.check(input.shields().input(),
				ResponsesRequests.input(input));
		if (refused.isPresent()) {
			String refusal = refused.get().userMessage();
			addItems(upstreamId,
					List.of(message("user", ResponsesRequests.input(input)), message("assistant", refusal)));
			return new ScriptedTurnStream(List.of(new TurnEvent.TurnStarted(),
					new TurnEvent.ShieldChecked(refused.get()), new TurnEvent.TurnCompleted(refusal)));
		}
		ResponsesEvents events = new ResponsesEvents();
		TurnStream turn = new SseTurnStream(
				this.http.openStream("/v1/responses", this.requests.turn(upstreamId, input), Map.of()), events::map);
		if (input.shields().output().isEmpty()) {
			return turn;
		}
		return new OutputShieldedTurnStream(turn, (answer) -> this.moderations.check(input.shields().output(), answer),
				(violation) -> replaceAnswer(upstreamId, events.answerItemIds(), violation.userMessage()));
	}

	private String replaceAnswer(String upstreamId, List<String> answerItemIds, String refusal) {
		try {
			for (String itemId : answerItemIds) {
				this.http.delete("/v1/conversations/{conversationId}/items/{itemId}", upstreamId, itemId);
			}
			addItems(upstreamId, List.of(message("assistant", refusal)));
		}
		catch (LlamaStackApiException | LlamaStackUnavailableException ex) {
			logger.warn("The answer an output shield refused stays in conversation {}: {}", upstreamId,
					ex.getMessage());
		}
		return refusal;
	}

	private void addItems(String upstreamId, List<Map<String, String>> items) {
		this.http.post("/v1/conversations/{conversationId}/items", Map.of("items", items), JsonNode.class, upstreamId);
	}

	static Map<String, String> message(String role, String content) {
		return Map.of("type", "message", "role", role, "content", content);
	}

	@Override
	public boolean keepInterruptedTurn(Conversation conversation, TurnInput input, String partialAnswer) {
		addItems(upstreamId(conversation),
				List.of(message("user", ResponsesRequests.input(input)), message("assistant", partialAnswer)));
		return true;
	}

	@Override
	public Optional<List<ChatTurn>> history(Conversation conversation) {
		if (findConversation(conversation).isEmpty()) {
			return Optional.empty();
		}
		try {
			JsonNode items = this.http.get("/v1/conversations/{conversationId}/items?order=asc&limit={limit}",
					JsonNode.class, upstreamId(conversation), 10000);
			return Optional.of(ResponsesItems.turns(items.path("data")));
		}
		catch (LlamaStackApiException ex) {
			// 0.5 answers 400 "Conversation … not found", 0.7 and OGX 404
			if (ex.isNotFound()) {
				return Optional.empty();
			}
			throw ex;
		}
	}

	@Override
	public boolean deleteConversation(Conversation conversation) {
		if (findConversation(conversation).isEmpty()) {
			return false;
		}
		try {
			this.http.delete("/v1/conversations/{conversationId}", upstreamId(conversation));
			return true;
		}
		catch (LlamaStackApiException ex) {
			// 0.5 answers 400 "Conversation … not found", 0.7 and OGX 404
			if (ex.isNotFound()) {
				return false;
			}
			throw ex;
		}
	}

	@Override
	public String complete(String modelId, String instructions, String prompt) {
		JsonNode response = this.http.post("/v1/responses", ResponsesRequests.completion(modelId, instructions, prompt),
				JsonNode.class);
		return ResponsesEvents.outputText(response.path("output"));
	}

	private static String upstreamId(Conversation conversation) {
		String upstreamId = conversation.upstreamId();
		if (upstreamId == null) {
			throw new IllegalStateException("Conversation " + conversation.id() + " has no Llama Stack conversation");
		}
		return upstreamId;
	}

}
