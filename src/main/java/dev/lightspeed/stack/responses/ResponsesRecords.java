package dev.lightspeed.stack.responses;

import java.time.Instant;
import java.util.List;

import dev.lightspeed.stack.conversations.ConversationStore;
import dev.lightspeed.stack.conversations.TurnTimes;
import dev.lightspeed.stack.llamastack.TokenUsage;
import dev.lightspeed.stack.metrics.LlmMetrics;
import dev.lightspeed.stack.metrics.TokenEstimate;
import dev.lightspeed.stack.topicsummary.TopicSummaries;
import dev.lightspeed.stack.transcripts.Transcript;
import dev.lightspeed.stack.transcripts.TranscriptStore;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * What a response leaves behind, as a query's turn does: the LLM call counted and the
 * conversation recorded when it starts; the token counts, the turn's times and the
 * transcript when it was answered; the topic summary of a conversation it started.
 */
@Component
class ResponsesRecords {

	private final ConversationStore conversations;

	private final TurnTimes turnTimes;

	private final TranscriptStore transcripts;

	private final LlmMetrics metrics;

	private final TopicSummaries topicSummaries;

	ResponsesRecords(ConversationStore conversations, TurnTimes turnTimes, TranscriptStore transcripts,
			LlmMetrics metrics, TopicSummaries topicSummaries) {
		this.conversations = conversations;
		this.turnTimes = turnTimes;
		this.transcripts = transcripts;
		this.metrics = metrics;
		this.topicSummaries = topicSummaries;
	}

	void started(PreparedResponse response) {
		this.metrics.called(response.provider(), response.model());
		PreparedResponse.Conversation conversation = response.conversation();
		if (conversation != null) {
			this.conversations.recordTurn(conversation.id(), response.user().userId(), response.model(),
					response.provider(), conversation.upstreamId());
		}
	}

	void failed() {
		this.metrics.failed();
	}

	void answered(PreparedResponse response, String answer, @Nullable TokenUsage usage) {
		if (usage != null) {
			this.metrics.sent(response.provider(), response.model(), usage.inputTokens());
			this.metrics.received(response.provider(), response.model(), usage.outputTokens());
		}
		else {
			this.metrics.sent(response.provider(), response.model(), TokenEstimate.of(response.question()));
			this.metrics.received(response.provider(), response.model(), TokenEstimate.of(answer));
		}
		PreparedResponse.Conversation conversation = response.conversation();
		if (conversation == null) {
			// store: false keeps nothing, as LCS
			return;
		}
		this.turnTimes.record(conversation.id(), response.startedAt(), Instant.now());
		this.transcripts
			.store(new Transcript(response.user().userId(), conversation.id(), response.provider(), response.model(),
					response.provider(), response.model(), response.question(), answer, List.of(), List.of()));
		if (response.newConversation() && !Boolean.FALSE.equals(response.request().generateTopicSummary())) {
			this.topicSummaries.summarizeLater(conversation.id(), response.modelId(), response.question());
		}
	}

	void refused(PreparedResponse response, String refusal) {
		this.metrics.validationError();
		answered(response, refusal, null);
	}

}
