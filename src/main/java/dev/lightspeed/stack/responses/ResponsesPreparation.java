package dev.lightspeed.stack.responses;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.lightspeed.stack.auth.AuthenticatedUser;
import dev.lightspeed.stack.config.InferenceConfig;
import dev.lightspeed.stack.conversations.ConversationIds;
import dev.lightspeed.stack.conversations.ConversationRecord;
import dev.lightspeed.stack.conversations.ConversationStore;
import dev.lightspeed.stack.errors.ApiException;
import dev.lightspeed.stack.llamastack.LlamaStackStatus;
import dev.lightspeed.stack.llamastack.LlamaStackResponses;
import dev.lightspeed.stack.llamastack.Model;
import dev.lightspeed.stack.llamastack.TurnEvent;
import dev.lightspeed.stack.llamastack.TurnInput;
import dev.lightspeed.stack.mcp.McpServers;
import dev.lightspeed.stack.query.TurnSetup;
import dev.lightspeed.stack.vectorstores.VectorStoreAccess;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Everything {@code POST /v1/responses} checks before the first byte, in LCS 0.5's order:
 * the Responses API (501 on Llama Stack 0.2.x), the conversation (the caller's own, as
 * for queries), the model, the input shields (a refusal answers without asking the
 * model), and the tools: every vector store the caller may search and every MCP server
 * when the request names none; named vector stores must be searchable and named MCP
 * servers configured, and get the request's {@code MCP-HEADERS}.
 */
@Component
class ResponsesPreparation {

	private final InferenceConfig inference;

	private final LlamaStackStatus llamaStack;

	private final LlamaStackResponses responses;

	private final ConversationStore conversations;

	private final TurnSetup setup;

	private final VectorStoreAccess vectorStores;

	private final McpServers mcpServers;

	private final boolean forwardCallerToken;

	ResponsesPreparation(InferenceConfig inference, LlamaStackStatus llamaStack, LlamaStackResponses responses,
			ConversationStore conversations, TurnSetup setup, VectorStoreAccess vectorStores, McpServers mcpServers,
			@Value("${lightspeed.query.forward-caller-token:true}") boolean forwardCallerToken) {
		this.inference = inference;
		this.llamaStack = llamaStack;
		this.responses = responses;
		this.conversations = conversations;
		this.setup = setup;
		this.vectorStores = vectorStores;
		this.mcpServers = mcpServers;
		this.forwardCallerToken = forwardCallerToken;
	}

	PreparedResponse prepare(AuthenticatedUser user, ResponsesRequest request, HttpHeaders headers) {
		Instant startedAt = Instant.now();
		this.responses.requireResponsesApi();
		if (request.previousResponseId() != null) {
			throw ApiException.of(HttpStatus.UNPROCESSABLE_CONTENT, "previous_response_id is not supported",
					"Continue a conversation with its conversation id instead");
		}
		String question = ResponsesInput.text(request.input());
		PreparedResponse.Conversation existing = (request.conversation() != null) ? owned(user, request.conversation())
				: null;
		String modelId = modelId(request.model());
		TurnEvent.Violation refusal = this.responses.moderate(this.setup.shields(request.shieldIds()).input(), question)
			.orElse(null);
		Map<String, Object> body = body(request, modelId, user, headers);
		PreparedResponse.Conversation conversation = existing;
		if (conversation == null && request.stored()) {
			conversation = new PreparedResponse.Conversation(UUID.randomUUID().toString(),
					this.responses.createConversation());
		}
		if (conversation != null) {
			body.put("conversation", conversation.upstreamId());
		}
		return new PreparedResponse(user, request, conversation, existing == null && conversation != null, modelId,
				question, body, refusal, startedAt);
	}

	private PreparedResponse.Conversation owned(AuthenticatedUser user, String requested) {
		String id = ConversationIds.canonical(requested).orElseThrow(() -> notFound(requested));
		ConversationRecord record = this.conversations.find(id).orElseThrow(() -> notFound(id));
		if (!record.userId().equals(user.userId())) {
			throw ApiException.of(HttpStatus.FORBIDDEN, "Access denied",
					"You do not have permission to access this conversation");
		}
		// one made through the Agents API of an older Llama Stack is not a Llama Stack
		// conversation
		String upstream = record.sessionId();
		if (upstream == null || !upstream.startsWith("conv_")) {
			throw notFound(id);
		}
		return new PreparedResponse.Conversation(id, upstream);
	}

	private static ApiException notFound(String id) {
		return ApiException.of(HttpStatus.NOT_FOUND, "Conversation not found",
				"Conversation " + id + " could not be retrieved.");
	}

	private String modelId(@Nullable String requested) {
		List<Model> models = this.llamaStack.backend().models();
		if (requested != null && !requested.isBlank()) {
			if (models.stream().noneMatch((model) -> model.identifier().equals(requested))) {
				throw ApiException.of(HttpStatus.NOT_FOUND, "Model not found",
						"Model with ID " + requested + " does not exist");
			}
			return requested;
		}
		InferenceConfig inference = this.inference;
		if (inference.defaultModel() != null && inference.defaultProvider() != null) {
			return inference.defaultProvider() + "/" + inference.defaultModel();
		}
		return models.stream()
			.filter((model) -> "llm".equals(model.modelType()))
			.map(Model::identifier)
			.findFirst()
			.orElseThrow(() -> ApiException.of(HttpStatus.NOT_FOUND, "Model not found",
					"No LLM model found in available models"));
	}

	// the request as the client wrote it, minus this service's own fields, with the
	// checked tools and the model resolved
	private Map<String, Object> body(ResponsesRequest request, String modelId, AuthenticatedUser user,
			HttpHeaders headers) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("model", modelId);
		body.put("input", request.input());
		put(body, "instructions", request.instructions());
		put(body, "include", request.include());
		put(body, "max_infer_iters", request.maxInferIters());
		put(body, "max_output_tokens", request.maxOutputTokens());
		put(body, "max_tool_calls", request.maxToolCalls());
		put(body, "metadata", request.metadata());
		put(body, "parallel_tool_calls", request.parallelToolCalls());
		put(body, "prompt", request.prompt());
		put(body, "reasoning", request.reasoning());
		put(body, "safety_identifier", request.safetyIdentifier());
		put(body, "temperature", request.temperature());
		put(body, "text", request.text());
		body.put("store", request.stored());
		body.put("stream", request.streamed());
		if (!request.toolsRefused()) {
			List<Object> tools = tools(request.tools(), user, headers);
			if (!tools.isEmpty()) {
				body.put("tools", tools);
				put(body, "tool_choice", request.toolChoice());
			}
		}
		return body;
	}

	private List<Object> tools(@Nullable List<JsonNode> requested, AuthenticatedUser user, HttpHeaders headers) {
		if (requested == null) {
			McpServers.Offer offer = this.mcpServers.offer(user, headers::getFirst, this.forwardCallerToken);
			return this.responses
				.tools(new TurnInput.Tools(this.vectorStores.searchable(user, null), offer.servers(), offer.headers()));
		}
		// the offer reads the servers registered at run time from the database: only
		// for a request that names one
		McpServers.Offer offer = requested.stream().anyMatch((tool) -> "mcp".equals(tool.path("type").asString("")))
				? this.mcpServers.offer(user, headers::getFirst, this.forwardCallerToken) : McpServers.Offer.NONE;
		List<Object> tools = new ArrayList<>();
		List<TurnInput.McpServer> servers = new ArrayList<>();
		for (JsonNode tool : requested) {
			switch (tool.path("type").asString("")) {
				case "file_search" -> {
					this.vectorStores.searchable(user, ResponsesInput.strings(tool.path("vector_store_ids")));
					tools.add(tool);
				}
				case "mcp" -> servers.add(offered(offer.servers(), tool.path("server_label").asString("")));
				default -> tools.add(tool);
			}
		}
		if (!servers.isEmpty()) {
			tools.addAll(this.responses.tools(new TurnInput.Tools(List.of(), servers, offer.headers())));
		}
		return tools;
	}

	// the service reaches only the MCP servers it offers (configured or registered, with
	// their credentials), wherever the request says they are
	private static TurnInput.McpServer offered(List<TurnInput.McpServer> offered, String label) {
		return offered.stream()
			.filter((server) -> server.name().equals(label))
			.findFirst()
			.orElseThrow(() -> ApiException.of(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid tool",
					"MCP server " + label + " is not configured"));
	}

	private static void put(Map<String, Object> body, String key, @Nullable Object value) {
		if (value != null && !(value instanceof JsonNode node && node.isNull())) {
			body.put(key, value);
		}
	}

}
