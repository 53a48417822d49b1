package dev.lightspeed.stack.query;

import java.time.Instant;
import java.util.List;

import dev.lightspeed.stack.conversations.ConversationStore;
import dev.lightspeed.stack.conversations.TurnTimes;
import dev.lightspeed.stack.llamastack.TokenUsage;
import dev.lightspeed.stack.metrics.LlmMetrics;
import dev.lightspeed.stack.metrics.TokenEstimate;
import dev.lightspeed.stack.transcripts.Transcript;
import dev.lightspeed.stack.transcripts.TranscriptStore;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * What a turn leaves behind, whichever endpoint ran it ({@code /v1/query},
 * {@code /v1/streaming_query}, {@code /v1/responses}): the LLM call counted and the
 * conversation recorded when it starts; the token counts, the turn's times and the
 * transcript when it was answered. A turn that keeps nothing ({@code store: false} on
 * {@code /v1/responses}) is counted only.
 */
@Component
public class TurnRecorder {

	private final ConversationStore conversations;

	private final TurnTimes turnTimes;

	private final TranscriptStore transcripts;

	private final LlmMetrics metrics;

	TurnRecorder(ConversationStore conversations, TurnTimes turnTimes, TranscriptStore transcripts,
			LlmMetrics metrics) {
		this.conversations = conversations;
		this.turnTimes = turnTimes;
		this.transcripts = transcripts;
		this.metrics = metrics;
	}

	/**
	 * The turn was opened upstream.
	 * @param turn the turn
	 */
	public void started(Turn turn) {
		this.metrics.called(turn.providerId(), turn.modelId());
		if (turn.conversationId() != null) {
			this.conversations.recordTurn(turn.conversationId(), turn.userId(), turn.modelId(), turn.providerId(),
					turn.upstreamId());
		}
	}

	/**
	 * The turn was answered.
	 * @param turn the turn
	 * @param answer the answer
	 * @param usage what the provider counted, null when Llama Stack did not say
	 * @param attachments the request's attachments
	 * @param toolCalls the tools called during the turn
	 */
	public void answered(Turn turn, String answer, @Nullable TokenUsage usage, List<Transcript.Attachment> attachments,
			List<Transcript.ToolCall> toolCalls) {
		TokenUsage cost = cost(usage, turn.question(), answer);
		this.metrics.sent(turn.providerId(), turn.modelId(), cost.inputTokens());
		this.metrics.received(turn.providerId(), turn.modelId(), cost.outputTokens());
		String conversationId = turn.conversationId();
		if (conversationId == null) {
			return;
		}
		this.turnTimes.record(conversationId, turn.startedAt(), Instant.now());
		this.transcripts.store(new Transcript(turn.userId(), conversationId, turn.providerId(), turn.modelId(),
				turn.requestedProvider(), turn.requestedModel(), turn.question(), answer, attachments, toolCalls));
	}

	/**
	 * What a turn cost: what the provider counted when Llama Stack says, an estimate from
	 * the texts otherwise.
	 * @param usage what the provider counted, null when Llama Stack did not say
	 * @param question the question
	 * @param answer the answer so far
	 * @return the tokens in and out
	 */
	static TokenUsage cost(@Nullable TokenUsage usage, String question, String answer) {
		return (usage != null) ? usage : new TokenUsage(TokenEstimate.of(question), TokenEstimate.of(answer));
	}

	/**
	 * A turn as it is recorded.
	 *
	 * @param userId who asked
	 * @param conversationId this service's conversation id, null when nothing is kept
	 * @param upstreamId Llama Stack's id of the conversation, when it has its own
	 * @param providerId the provider that answers
	 * @param modelId the model that answers, without its provider
	 * @param requestedProvider the provider the request named
	 * @param requestedModel the model the request named
	 * @param question the question as text
	 * @param startedAt when the question came
	 */
	public record Turn(String userId, @Nullable String conversationId, @Nullable String upstreamId, String providerId,
			String modelId, @Nullable String requestedProvider, @Nullable String requestedModel, String question,
			Instant startedAt) {
	}

}
