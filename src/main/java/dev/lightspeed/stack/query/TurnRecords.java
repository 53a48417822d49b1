package dev.lightspeed.stack.query;

import java.util.List;

import dev.lightspeed.stack.llamastack.TokenUsage;
import dev.lightspeed.stack.topicsummary.TopicSummaries;
import dev.lightspeed.stack.transcripts.Transcript;

import org.springframework.stereotype.Component;

/**
 * What a query's turn leaves behind ({@link TurnRecorder}), and what only a query's turn
 * does: its cost charged to the quotas, a turn that failed leaving no transcript (LCS
 * 0.2.0), and the topic summary of a new conversation whatever became of the answer.
 */
@Component
class TurnRecords {

	private final TurnRecorder recorder;

	private final TopicSummaries topicSummaries;

	TurnRecords(TurnRecorder recorder, TopicSummaries topicSummaries) {
		this.recorder = recorder;
		this.topicSummaries = topicSummaries;
	}

	void recordConversation(PreparedTurn turn) {
		this.recorder.started(recorded(turn));
	}

	void keep(PreparedTurn turn, TurnAccumulator outcome) {
		if (!outcome.completed()) {
			return;
		}
		List<Transcript.Attachment> attachments = turn.request()
			.attachmentList()
			.stream()
			.map((a) -> new Transcript.Attachment(a.attachmentType(), a.contentType(), a.content()))
			.toList();
		this.recorder.answered(recorded(turn), outcome.answer(), outcome.usage(), attachments, outcome.toolCalls());
	}

	private static TurnRecorder.Turn recorded(PreparedTurn turn) {
		ModelSelection selection = turn.selection();
		QueryRequest request = turn.request();
		return new TurnRecorder.Turn(turn.user().userId(), turn.conversation().id(), turn.conversation().upstreamId(),
				selection.providerId(), selection.modelId(), request.provider(), request.model(), request.query(),
				turn.startedAt());
	}

	/**
	 * Charges the turn's cost to its quotas, once, whatever became of it, and keeps what
	 * they have left for the answer.
	 */
	void charge(PreparedTurn turn, TurnAccumulator outcome) {
		if (outcome.charged()) {
			return;
		}
		TokenUsage cost = TurnRecorder.cost(outcome.usage(), turn.request().query(), outcome.answer());
		outcome.charged(turn.admission()
			.settle(cost.inputTokens(), cost.outputTokens(), turn.selection().providerId(),
					turn.selection().modelId()));
	}

	/**
	 * Starts the topic summary of a conversation that this turn opened; it runs in the
	 * background.
	 */
	void summarizeIfNew(PreparedTurn turn) {
		if (!turn.request().continuesConversation() && turn.request().wantsTopicSummary()) {
			this.topicSummaries.summarizeLater(turn.conversation().id(), turn.selection().llamaStackModelId(),
					turn.request().query());
		}
	}

}
