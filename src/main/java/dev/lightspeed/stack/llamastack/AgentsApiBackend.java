package dev.lightspeed.stack.llamastack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.lightspeed.stack.config.McpServerConfig;
import dev.lightspeed.stack.llamastack.Wire.AgentConfig;
import dev.lightspeed.stack.llamastack.Wire.AgentCreated;
import dev.lightspeed.stack.llamastack.Wire.AgentRequest;
import dev.lightspeed.stack.llamastack.Wire.Endpoint;
import dev.lightspeed.stack.llamastack.Wire.Identified;
import dev.lightspeed.stack.llamastack.Wire.Listing;
import dev.lightspeed.stack.llamastack.Wire.MessageInfo;
import dev.lightspeed.stack.llamastack.Wire.SessionCreated;
import dev.lightspeed.stack.llamastack.Wire.SessionInfo;
import dev.lightspeed.stack.llamastack.Wire.SessionRequest;
import dev.lightspeed.stack.llamastack.Wire.ToolGroupInfo;
import dev.lightspeed.stack.llamastack.Wire.ToolGroupRegistration;
import dev.lightspeed.stack.llamastack.Wire.TurnInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The backend for Llama Stack 0.2.17-0.2.x: the Agents API. A conversation is one agent
 * (its id is the conversation id) with one session, created once and reused for every
 * follow-up, so the agent's model, instructions and shields stay the conversation's.
 */
class AgentsApiBackend extends CatalogBackend {

	private static final Logger logger = LoggerFactory.getLogger(AgentsApiBackend.class);

	private static final TypeReference<Listing<SessionInfo>> SESSIONS = new TypeReference<>() {
	};

	AgentsApiBackend(LlamaStackHttp http, Duration catalogTtl) {
		super(http, catalogTtl);
	}

	@Override
	String vectorStoresPath() {
		return "/v1/openai/v1/vector_stores";
	}

	@Override
	List<String> fetchVectorStoreIds() {
		return this.http.get("/v1/vector-dbs", new TypeReference<Listing<Identified>>() {
		}).items().stream().map(Identified::identifier).toList();
	}

	/**
	 * Registers the MCP servers Llama Stack does not know yet as tool groups, in
	 * configuration order.
	 * @param servers the configured servers
	 */
	void registerMcpServers(List<McpServerConfig> servers) {
		if (servers.isEmpty()) {
			return;
		}
		Set<String> registered = new HashSet<>();
		for (ToolGroupInfo toolGroup : this.http.get("/v1/toolgroups", new TypeReference<Listing<ToolGroupInfo>>() {
		}).items()) {
			registered.add(toolGroup.providerResourceId());
		}
		for (McpServerConfig server : servers) {
			if (registered.contains(server.name())) {
				logger.debug("MCP server {} is already registered in Llama Stack", server.name());
				continue;
			}
			this.http.post("/v1/toolgroups",
					new ToolGroupRegistration(server.name(), server.providerId(), new Endpoint(server.url())),
					JsonNode.class);
			registered.add(server.name());
			logger.info("Registered MCP server {} ({}) in Llama Stack", server.name(), server.url());
		}
	}

	@Override
	public void registerMcpServer(McpServerConfig server) {
		registerMcpServers(List.of(server));
	}

	@Override
	public void unregisterMcpServer(String name) {
		UpstreamErrors.ifKnown(() -> this.http.delete("/v1/toolgroups/{toolgroupId}", name));
		logger.info("Unregistered MCP server {} from Llama Stack", name);
	}

	@Override
	public Conversation createConversation(ConversationSpec spec) {
		AgentConfig config = new AgentConfig(spec.modelId(), spec.instructions(), List.of(), List.of(), true,
				spec.shields().inputIds(), spec.shields().outputIds());
		String agentId = this.http.post("/v1/agents", new AgentRequest(config), AgentCreated.class).agentId();
		String sessionId = this.http
			.post("/v1/agents/{agentId}/session", new SessionRequest(UUID.randomUUID().toString()),
					SessionCreated.class, agentId)
			.sessionId();
		return new Conversation(agentId, sessionId);
	}

	/**
	 * One OpenAI-compatible chat completion, which 0.2.x serves under
	 * {@code /v1/openai/v1} (LCS 0.3.x made and kept a temporary agent for this: four
	 * calls).
	 */
	@Override
	public String complete(String modelId, String instructions, String prompt) {
		Map<String, Object> body = Map.of("model", modelId, "stream", false, "messages",
				List.of(Map.of("role", "system", "content", instructions), Map.of("role", "user", "content", prompt)));
		JsonNode answer = this.http.post("/v1/openai/v1/chat/completions", body, JsonNode.class);
		return answer.path("choices").path(0).path("message").path("content").stringValue("");
	}

	@Override
	public Optional<Conversation> findConversation(Conversation recorded) {
		if (recorded.upstreamId() != null) {
			return Optional.of(recorded);
		}
		return firstSession(recorded.id()).map((session) -> new Conversation(recorded.id(), session.sessionId()));
	}

	@Override
	public TurnStream streamTurn(Conversation conversation, TurnInput input) {
		return new SseTurnStream(
				this.http.openStream("/v1/agents/{agentId}/session/{sessionId}/turn", AgentTurnRequests.body(input),
						AgentTurnRequests.headers(input), conversation.id(), conversation.upstreamId()),
				AgentTurnEvents::map);
	}

	// a session's turns are Llama Stack's own: a stopped turn is not kept
	@Override
	public boolean keepInterruptedTurn(Conversation conversation, TurnInput input, String partialAnswer) {
		return false;
	}

	@Override
	public Optional<List<ChatTurn>> history(Conversation conversation) {
		Optional<Conversation> found = findConversation(conversation);
		return found
			.flatMap((known) -> UpstreamErrors.ifKnown(() -> this.http.get("/v1/agents/{agentId}/session/{sessionId}",
					SessionInfo.class, known.id(), known.upstreamId())))
			.map(AgentsApiBackend::chatTurns);
	}

	private static List<ChatTurn> chatTurns(SessionInfo session) {
		List<ChatTurn> turns = new ArrayList<>();
		for (TurnInfo turn : (session.turns() != null) ? session.turns() : List.<TurnInfo>of()) {
			List<ChatTurn.Message> messages = new ArrayList<>();
			if (turn.inputMessages() != null) {
				turn.inputMessages().forEach((message) -> messages.add(message(message, "user")));
			}
			if (turn.outputMessage() != null) {
				messages.add(message(turn.outputMessage(), "assistant"));
			}
			turns.add(new ChatTurn(messages, turn.startedAt(), turn.completedAt()));
		}
		return turns;
	}

	private static ChatTurn.Message message(MessageInfo message, String defaultRole) {
		return new ChatTurn.Message(
				(message.content() != null) ? message.content() : JsonNodeFactory.instance.nullNode(),
				(message.role() != null) ? message.role() : defaultRole);
	}

	@Override
	public boolean deleteConversation(Conversation conversation) {
		String agentId = conversation.id();
		Optional<Listing<SessionInfo>> sessions = UpstreamErrors
			.ifKnown(() -> this.http.get("/v1/agents/{agentId}/sessions", SESSIONS, agentId));
		if (sessions.isEmpty()) {
			return false;
		}
		sessions.get()
			.items()
			.stream()
			.findFirst()
			.ifPresent((session) -> this.http.delete("/v1/agents/{agentId}/session/{sessionId}", agentId,
					session.sessionId()));
		// The agent exists only for this conversation, so it goes too (LCS 0.2.0 kept
		// it).
		UpstreamErrors.ifKnown(() -> this.http.delete("/v1/agents/{agentId}", agentId));
		return true;
	}

	private Optional<SessionInfo> firstSession(String agentId) {
		return UpstreamErrors.ifKnown(() -> this.http.get("/v1/agents/{agentId}/sessions", SESSIONS, agentId))
			.flatMap((sessions) -> sessions.items().stream().findFirst());
	}

}
