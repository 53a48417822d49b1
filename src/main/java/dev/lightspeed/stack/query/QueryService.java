package dev.lightspeed.stack.query;

import java.util.List;

import dev.lightspeed.stack.auth.AuthenticatedUser;
import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.conversations.ConversationIds;
import dev.lightspeed.stack.conversations.ConversationRecord;
import dev.lightspeed.stack.conversations.ConversationStore;
import dev.lightspeed.stack.errors.ApiException;
import dev.lightspeed.stack.llamastack.Conversation;
import dev.lightspeed.stack.llamastack.ConversationSpec;
import dev.lightspeed.stack.llamastack.LlamaStackBackend;
import dev.lightspeed.stack.llamastack.LlamaStackUnavailableException;
import dev.lightspeed.stack.llamastack.Shield;
import dev.lightspeed.stack.llamastack.TurnInput;
import dev.lightspeed.stack.llamastack.TurnStream;
import dev.lightspeed.stack.metrics.LlmMetrics;
import dev.lightspeed.stack.topicsummary.TopicSummaries;
import dev.lightspeed.stack.transcripts.Transcript;
import dev.lightspeed.stack.transcripts.TranscriptStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The flow of a query (LCS 0.2.0 §5): ownership, model, system prompt, attachments,
 * conversation, tools; then the turn, the transcript and the conversation record. A
 * continued conversation costs one Llama Stack call: the turn.
 */
@Service
class QueryService {

	private static final Logger logger = LoggerFactory.getLogger(QueryService.class);

	private final LightspeedConfiguration configuration;

	private final LlamaStackBackend llamaStack;

	private final ConversationStore conversations;

	private final TranscriptStore transcripts;

	private final LlmMetrics metrics;

	private final QueryProperties properties;

	private final TopicSummaries topicSummaries;

	QueryService(LightspeedConfiguration configuration, LlamaStackBackend llamaStack, ConversationStore conversations,
			TranscriptStore transcripts, LlmMetrics metrics, QueryProperties properties,
			TopicSummaries topicSummaries) {
		this.configuration = configuration;
		this.llamaStack = llamaStack;
		this.conversations = conversations;
		this.transcripts = transcripts;
		this.metrics = metrics;
		this.properties = properties;
		this.topicSummaries = topicSummaries;
	}

	PreparedTurn prepare(AuthenticatedUser user, QueryRequest request, @Nullable String mcpHeaders) {
		if (request.mediaType() != null) {
			logger.warn("media_type is accepted for compatibility and ignored");
		}
		ConversationRecord existing = request.continuesConversation() ? owned(request.conversationId(), user) : null;
		try {
			ModelSelection selection = ModelSelection.select(request.model(), request.provider(), existing,
					this.configuration.inference(), this.llamaStack.models());
			String instructions = SystemPrompts.resolve(request.systemPrompt(), this.configuration.customization());
			List<TurnInput.Document> documents = Attachments.validate(request.attachmentList());
			Conversation conversation = (existing != null) ? resume(existing)
					: this.llamaStack.createConversation(spec(selection, instructions));
			TurnInput input = new TurnInput(request.query(), documents, tools(request, user, mcpHeaders));
			return new PreparedTurn(user, request, conversation, selection, input);
		}
		catch (LlamaStackUnavailableException ex) {
			this.metrics.failed();
			throw ex;
		}
	}

	TurnStream startTurn(PreparedTurn turn) {
		try {
			return this.llamaStack.streamTurn(turn.conversation(), turn.input());
		}
		catch (LlamaStackUnavailableException ex) {
			this.metrics.failed();
			throw ex;
		}
	}

	QueryResponse answer(PreparedTurn turn) {
		TurnAccumulator outcome = new TurnAccumulator();
		TurnStream stream = startTurn(turn);
		try (stream) {
			for (var event = stream.next(); event != null; event = stream.next()) {
				outcome.accept(event);
			}
		}
		catch (LlamaStackUnavailableException ex) {
			// the connection broke while the answer was read: for /v1/query that is a
			// failed call too (0.2.0 counts every connection error of the query)
			this.metrics.failed();
			throw ex;
		}
		for (int i = 0; i < outcome.violations(); i++) {
			this.metrics.validationError();
		}
		if (outcome.failure() != null || !outcome.completed()) {
			String cause = (outcome.failure() != null) ? outcome.failure() : "the turn ended without an answer";
			throw ApiException.of(HttpStatus.INTERNAL_SERVER_ERROR, "Unable to get an answer from Llama Stack", cause);
		}
		recordTurn(turn);
		storeTranscript(turn, outcome);
		summarizeIfNew(turn);
		return new QueryResponse(turn.conversation().id(), outcome.answer());
	}

	/**
	 * Starts the topic summary of a conversation that this turn opened; it runs in the
	 * background.
	 */
	void summarizeIfNew(PreparedTurn turn) {
		if (!turn.request().continuesConversation()) {
			this.topicSummaries.summarizeLater(turn.conversation().id(), turn.selection().llamaStackModelId(),
					turn.request().query());
		}
	}

	void recordTurn(PreparedTurn turn) {
		ModelSelection selection = turn.selection();
		this.metrics.called(selection.providerId(), selection.modelId());
		this.metrics.sent(selection.providerId(), selection.modelId(), turn.request().query());
		this.conversations.recordTurn(turn.conversation().id(), turn.user().userId(), selection.modelId(),
				selection.providerId(), turn.conversation().sessionId());
	}

	void storeTranscript(PreparedTurn turn, TurnAccumulator outcome) {
		// Both the plain and the streamed turn end here.
		this.metrics.received(turn.selection().providerId(), turn.selection().modelId(), outcome.answer());
		QueryRequest request = turn.request();
		List<Transcript.Attachment> attachments = request.attachmentList()
			.stream()
			.map((a) -> new Transcript.Attachment(a.attachmentType(), a.contentType(), a.content()))
			.toList();
		this.transcripts.store(new Transcript(turn.user().userId(), turn.conversation().id(),
				turn.selection().providerId(), turn.selection().modelId(), request.provider(), request.model(),
				request.query(), outcome.completed() ? outcome.answer() : "No response from the model", attachments,
				outcome.toolCalls()));
	}

	void countViolation() {
		this.metrics.validationError();
	}

	private ConversationRecord owned(@Nullable String requestedId, AuthenticatedUser user) {
		String id = ConversationIds.canonical(String.valueOf(requestedId))
			.orElseThrow(() -> notFound(String.valueOf(requestedId)));
		ConversationRecord record = this.conversations.find(id).orElseThrow(() -> notFound(id));
		if (!record.userId().equals(user.userId())) {
			throw ApiException.of(HttpStatus.FORBIDDEN, "Access denied",
					"You do not have permission to access this conversation");
		}
		return record;
	}

	private Conversation resume(ConversationRecord record) {
		if (record.sessionId() != null) {
			return new Conversation(record.id(), record.sessionId());
		}
		return this.llamaStack.findConversation(record.id()).orElseThrow(() -> notFound(record.id()));
	}

	private ConversationSpec spec(ModelSelection selection, String instructions) {
		List<Shield> shields = this.llamaStack.shields();
		return new ConversationSpec(selection.llamaStackModelId(), instructions,
				shields.stream().filter(Shield::checksInput).map(Shield::identifier).toList(),
				shields.stream().filter(Shield::checksOutput).map(Shield::identifier).toList());
	}

	private TurnInput.@Nullable Tools tools(QueryRequest request, AuthenticatedUser user, @Nullable String mcpHeaders) {
		if (request.toolsDisabled()) {
			return null;
		}
		var servers = this.configuration.mcpServers();
		var headers = McpHeaders.resolve(McpHeaders.parse(mcpHeaders), servers, user.token(),
				this.properties.forwardCallerToken());
		return new TurnInput.Tools(this.llamaStack.vectorStoreIds(),
				servers.stream().map((server) -> server.name()).toList(), headers);
	}

	private static ApiException notFound(String id) {
		return ApiException.of(HttpStatus.NOT_FOUND, "Conversation not found",
				"Conversation " + id + " could not be retrieved.");
	}

}
