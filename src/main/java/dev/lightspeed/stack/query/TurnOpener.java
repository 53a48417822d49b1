package dev.lightspeed.stack.query;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.lightspeed.stack.auth.AuthenticatedUser;
import dev.lightspeed.stack.config.Action;
import dev.lightspeed.stack.config.CustomizationConfig;
import dev.lightspeed.stack.config.InferenceConfig;
import dev.lightspeed.stack.conversations.ConversationRecord;
import dev.lightspeed.stack.errors.ApiException;
import dev.lightspeed.stack.llamastack.Conversation;
import dev.lightspeed.stack.llamastack.ConversationSpec;
import dev.lightspeed.stack.llamastack.LlamaStackStatus;
import dev.lightspeed.stack.llamastack.LlamaStackUnavailableException;
import dev.lightspeed.stack.llamastack.TurnInput;
import dev.lightspeed.stack.llamastack.TurnStream;
import dev.lightspeed.stack.metrics.LlmMetrics;
import dev.lightspeed.stack.metrics.TokenEstimate;
import dev.lightspeed.stack.quota.Admission;
import dev.lightspeed.stack.quota.Quotas;
import dev.lightspeed.stack.shutdown.ShutdownState;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Everything a turn of {@code /v1/query} and {@code /v1/streaming_query} needs before the
 * first byte of the answer, so that every failure until then is an ordinary error answer:
 * ownership, model, system prompt, attachments, conversation, tools and shields, the
 * quota admitted, then the turn opened upstream and the conversation recorded. A
 * continued conversation costs one Llama Stack call. {@link QueryService} runs the turn
 * from there.
 */
@Component
class TurnOpener {

	private static final Logger logger = LoggerFactory.getLogger(TurnOpener.class);

	private final InferenceConfig inference;

	private final @Nullable CustomizationConfig customization;

	private final LlamaStackStatus llamaStack;

	private final TurnConversation conversations;

	private final LlmMetrics metrics;

	private final TurnSetup setup;

	private final TurnRecords records;

	private final ShutdownState shutdown;

	private final Quotas quotas;

	private final AtomicBoolean mediaTypeNoticed = new AtomicBoolean();

	TurnOpener(InferenceConfig inference, @Nullable CustomizationConfig customization, LlamaStackStatus llamaStack,
			TurnConversation conversations, LlmMetrics metrics, TurnSetup setup, TurnRecords records,
			ShutdownState shutdown, Quotas quotas) {
		this.inference = inference;
		this.customization = customization;
		this.shutdown = shutdown;
		this.llamaStack = llamaStack;
		this.conversations = conversations;
		this.metrics = metrics;
		this.setup = setup;
		this.records = records;
		this.quotas = quotas;
	}

	/**
	 * Prepares the turn and opens it upstream.
	 * @param user who asks
	 * @param request the question
	 * @param headers the request's headers (MCP credentials)
	 * @return the open turn, its conversation recorded
	 */
	OpenTurn open(AuthenticatedUser user, QueryRequest request, HttpHeaders headers) {
		return open(prepare(user, request, headers));
	}

	private PreparedTurn prepare(AuthenticatedUser user, QueryRequest request, HttpHeaders headers) {
		Instant startedAt = Instant.now();
		if (this.shutdown.stopping()) {
			throw ApiException.of(HttpStatus.SERVICE_UNAVAILABLE, "Service is shutting down",
					QueryService.SHUTTING_DOWN);
		}
		if (request.mediaType() != null && this.mediaTypeNoticed.compareAndSet(false, true)) {
			// RHDH sends it with every question: say it once
			logger.info("media_type is accepted for compatibility and ignored (logged once)");
		}
		if ((request.model() != null || request.provider() != null) && !user.may(Action.MODEL_OVERRIDE)) {
			throw ApiException.of(HttpStatus.FORBIDDEN,
					"This instance does not permit overriding model/provider in the query request (missing "
							+ "permission: model_override). Please remove the model and provider fields from your "
							+ "request.",
					"User lacks model_override permission required to override model/provider.");
		}
		ConversationRecord existing = request.continuesConversation()
				? this.conversations.owned(request.conversationId(), user) : null;
		// before anything reaches Llama Stack; given back when the turn never does
		Admission admission = this.quotas.admit(user, TokenEstimate.of(request.query()));
		try {
			ModelSelection selection = ModelSelection.select(request.model(), request.provider(), existing,
					this.inference, this.llamaStack.backend().models());
			String instructions = SystemPrompts.resolve(request.systemPrompt(),
					(user.apiKey() != null) ? user.apiKey().systemPrompt() : null, this.customization);
			List<TurnInput.Document> documents = Attachments.validate(request.attachmentList());
			TurnInput.Shields shields = this.setup.shields(request);
			Conversation conversation = (existing != null) ? this.conversations.resume(existing)
					: this.llamaStack.backend()
						.createConversation(new ConversationSpec(selection.llamaStackModelId(), instructions, shields));
			TurnInput input = new TurnInput(selection.llamaStackModelId(), instructions, request.query(), documents,
					this.setup.tools(request, user, headers), shields);
			return new PreparedTurn(user, request, conversation, selection, input, startedAt, admission);
		}
		catch (RuntimeException ex) {
			admission.release();
			failed(ex);
			throw ex;
		}
	}

	// a failure here is an ordinary error answer too, nothing having been sent yet
	private OpenTurn open(PreparedTurn turn) {
		TurnStream upstream;
		try {
			upstream = this.llamaStack.backend().streamTurn(turn.conversation(), turn.input());
		}
		catch (RuntimeException ex) {
			turn.admission().release();
			failed(ex);
			throw ex;
		}
		this.records.recordConversation(turn);
		return new OpenTurn(turn, upstream);
	}

	// 0.2.0 counts every connection error of a query as a failed call
	private void failed(RuntimeException ex) {
		if (ex instanceof LlamaStackUnavailableException) {
			this.metrics.failed();
		}
	}

}
