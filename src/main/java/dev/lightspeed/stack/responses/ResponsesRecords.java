package dev.lightspeed.stack.responses;

import java.util.List;

import dev.lightspeed.stack.llamastack.TokenUsage;
import dev.lightspeed.stack.metrics.LlmMetrics;
import dev.lightspeed.stack.query.TurnRecorder;
import dev.lightspeed.stack.topicsummary.TopicSummaries;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * What a response leaves behind, as a query's turn does ({@link TurnRecorder}), and what
 * only a response does: a refusal counted as a validation error and kept as the answer,
 * and the topic summary of a conversation it started once it is answered.
 */
@Component
class ResponsesRecords {

	private final TurnRecorder recorder;

	private final LlmMetrics metrics;

	private final TopicSummaries topicSummaries;

	ResponsesRecords(TurnRecorder recorder, LlmMetrics metrics, TopicSummaries topicSummaries) {
		this.recorder = recorder;
		this.metrics = metrics;
		this.topicSummaries = topicSummaries;
	}

	void started(PreparedResponse response) {
		this.recorder.started(recorded(response));
	}

	void failed() {
		this.metrics.failed();
	}

	void answered(PreparedResponse response, String answer, @Nullable TokenUsage usage) {
		this.recorder.answered(recorded(response), answer, usage, List.of(), List.of());
		PreparedResponse.Conversation conversation = response.conversation();
		if (conversation != null && response.newConversation()
				&& !Boolean.FALSE.equals(response.request().generateTopicSummary())) {
			this.topicSummaries.summarizeLater(conversation.id(), response.modelId(), response.question());
		}
	}

	void refused(PreparedResponse response, String refusal) {
		this.metrics.validationError();
		answered(response, refusal, null);
	}

	// store: false keeps nothing, as LCS: no conversation to record
	private static TurnRecorder.Turn recorded(PreparedResponse response) {
		PreparedResponse.Conversation conversation = response.conversation();
		return new TurnRecorder.Turn(response.user().userId(), (conversation != null) ? conversation.id() : null,
				(conversation != null) ? conversation.upstreamId() : null, response.provider(), response.model(),
				response.provider(), response.model(), response.question(), response.startedAt());
	}

}
