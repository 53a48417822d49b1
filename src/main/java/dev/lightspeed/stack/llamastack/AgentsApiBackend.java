package dev.lightspeed.stack.llamastack;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import dev.lightspeed.stack.config.McpServerConfig;
import dev.lightspeed.stack.llamastack.Wire.AgentConfig;
import dev.lightspeed.stack.llamastack.Wire.AgentRequest;
import dev.lightspeed.stack.llamastack.Wire.Endpoint;
import dev.lightspeed.stack.llamastack.Wire.Identified;
import dev.lightspeed.stack.llamastack.Wire.MessageInfo;
import dev.lightspeed.stack.llamastack.Wire.SessionInfo;
import dev.lightspeed.stack.llamastack.Wire.SessionRequest;
import dev.lightspeed.stack.llamastack.Wire.ToolGroupInfo;
import dev.lightspeed.stack.llamastack.Wire.ToolGroupRegistration;
import dev.lightspeed.stack.llamastack.Wire.TurnInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The backend for Llama Stack 0.2.17-0.2.22: the Agents API. A conversation is one agent
 * (its id is the conversation id) with one session, created once and reused for every
 * follow-up.
 */
class AgentsApiBackend implements LlamaStackBackend {

	private static final Logger logger = LoggerFactory.getLogger(AgentsApiBackend.class);

	private final LlamaStackApi api;

	private final EventStreamClient streams;

	AgentsApiBackend(LlamaStackApi api, EventStreamClient streams) {
		this.api = api;
		this.streams = streams;
	}

	@Override
	public List<Model> models() {
		return this.api.models().items().stream().map(AgentsApiBackend::model).toList();
	}

	private static Model model(ObjectNode raw) {
		return new Model(raw.path("identifier").stringValue(""), raw.path("provider_id").stringValue(""),
				raw.path("model_type").stringValue(null), raw);
	}

	@Override
	public List<Shield> shields() {
		return this.api.shields()
			.items()
			.stream()
			.map((shield) -> new Shield(shield.path("identifier").stringValue(""), shield))
			.toList();
	}

	@Override
	public List<String> vectorStoreIds() {
		return this.api.vectorDbs().items().stream().map(Identified::identifier).toList();
	}

	@Override
	public List<ProviderHealth> providers() {
		return this.api.providers().items().stream().map((provider) -> {
			Wire.Health health = provider.health();
			String status = (health != null && health.status() != null) ? health.status() : "unknown";
			String message = (health != null && health.message() != null) ? health.message() : "";
			return new ProviderHealth(provider.providerId(), status, message);
		}).toList();
	}

	@Override
	public void registerMcpServers(List<McpServerConfig> servers) {
		if (servers.isEmpty()) {
			return;
		}
		Set<String> registered = new HashSet<>();
		for (ToolGroupInfo toolGroup : this.api.toolGroups().items()) {
			registered.add(toolGroup.providerResourceId());
		}
		for (McpServerConfig server : servers) {
			if (registered.contains(server.name())) {
				logger.debug("MCP server {} is already registered in Llama Stack", server.name());
				continue;
			}
			this.api.registerToolGroup(
					new ToolGroupRegistration(server.name(), server.providerId(), new Endpoint(server.url())));
			registered.add(server.name());
			logger.info("Registered MCP server {} ({}) in Llama Stack", server.name(), server.url());
		}
	}

	@Override
	public Conversation createConversation(ConversationSpec spec) {
		AgentConfig config = new AgentConfig(spec.modelId(), spec.instructions(), List.of(), List.of(), true,
				spec.inputShields(), spec.outputShields());
		String agentId = this.api.createAgent(new AgentRequest(config)).agentId();
		String sessionId = this.api.createSession(agentId, new SessionRequest(UUID.randomUUID().toString()))
			.sessionId();
		return new Conversation(agentId, sessionId);
	}

	@Override
	public String complete(String modelId, String instructions, String prompt) {
		// A throw-away agent: LCS 0.3.x creates the same for a topic summary but never
		// deletes it; this one goes as soon as it has answered.
		AgentConfig config = new AgentConfig(modelId, instructions, List.of(), List.of(), false, List.of(), List.of());
		String agentId = this.api.createAgent(new AgentRequest(config)).agentId();
		try {
			String sessionId = this.api.createSession(agentId, new SessionRequest(UUID.randomUUID().toString()))
				.sessionId();
			try (TurnStream stream = streamTurn(new Conversation(agentId, sessionId),
					new TurnInput(prompt, List.of(), null))) {
				return answer(stream);
			}
		}
		finally {
			try {
				this.api.deleteAgent(agentId);
			}
			catch (RuntimeException ex) {
				logger.warn("Temporary agent {} could not be deleted: {}", agentId, ex.getMessage());
			}
		}
	}

	private static String answer(TurnStream stream) {
		for (TurnEvent event = stream.next(); event != null; event = stream.next()) {
			if (event instanceof TurnEvent.TurnCompleted completed) {
				return completed.outputText();
			}
			if (event instanceof TurnEvent.StreamFailed failed) {
				throw new LlamaStackApiException(500, failed.message());
			}
		}
		return "";
	}

	@Override
	public Optional<Conversation> findConversation(String conversationId) {
		return firstSession(conversationId).map((session) -> new Conversation(conversationId, session.sessionId()));
	}

	@Override
	public TurnStream streamTurn(Conversation conversation, TurnInput input) {
		return this.streams.post("/v1/agents/{agentId}/session/{sessionId}/turn",
				List.of(conversation.id(), conversation.sessionId()), AgentTurnRequests.body(input),
				AgentTurnRequests.headers(input), AgentTurnEvents::map);
	}

	@Override
	public Optional<List<ChatTurn>> history(String conversationId) {
		return firstSession(conversationId)
			.flatMap((first) -> ifKnown((id) -> this.api.session(id, first.sessionId()), conversationId))
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
	public boolean deleteConversation(String conversationId) {
		Optional<Wire.Listing<SessionInfo>> sessions = ifKnown(this.api::sessions, conversationId);
		if (sessions.isEmpty()) {
			return false;
		}
		sessions.get()
			.items()
			.stream()
			.findFirst()
			.ifPresent((session) -> this.api.deleteSession(conversationId, session.sessionId()));
		// The agent exists only for this conversation, so it goes too (LCS 0.2.0 kept
		// it).
		ifKnown((id) -> {
			this.api.deleteAgent(id);
			return true;
		}, conversationId);
		return true;
	}

	private Optional<SessionInfo> firstSession(String agentId) {
		return ifKnown(this.api::sessions, agentId).flatMap((sessions) -> sessions.items().stream().findFirst());
	}

	/**
	 * Runs a call, treating Llama Stack's "not found" answers (400 in 0.2.x) as empty.
	 */
	private static <T> Optional<T> ifKnown(Function<String, T> call, String id) {
		try {
			return Optional.ofNullable(call.apply(id));
		}
		catch (LlamaStackApiException ex) {
			if (ex.isNotFound()) {
				return Optional.empty();
			}
			throw ex;
		}
	}

}
