package dev.lightspeed.stack.query;

import java.time.Instant;
import java.util.List;

import dev.lightspeed.stack.conversations.ConversationStore;
import dev.lightspeed.stack.conversations.TurnTimes;
import dev.lightspeed.stack.llamastack.TokenUsage;
import dev.lightspeed.stack.metrics.LlmMetrics;
import dev.lightspeed.stack.topicsummary.TopicSummaries;
import dev.lightspeed.stack.transcripts.Transcript;
import dev.lightspeed.stack.transcripts.TranscriptStore;

import org.springframework.stereotype.Component;

/**
 * What a turn leaves behind: the conversation record and the LLM call counted when it
 * starts; the token counts, the turn's times and the transcript when it was answered (a
 * turn that failed leaves no transcript, as in LCS 0.2.0); the topic summary of a new
 * conversation.
 */
@Component
class TurnRecords {

	private final ConversationStore conversations;

	private final TranscriptStore transcripts;

	private final LlmMetrics metrics;

	private final TopicSummaries topicSummaries;

	private final TurnTimes turnTimes;

	TurnRecords(ConversationStore conversations, TranscriptStore transcripts, LlmMetrics metrics,
			TopicSummaries topicSummaries, TurnTimes turnTimes) {
		this.conversations = conversations;
		this.turnTimes = turnTimes;
		this.transcripts = transcripts;
		this.metrics = metrics;
		this.topicSummaries = topicSummaries;
	}

	void recordConversation(PreparedTurn turn) {
		ModelSelection selection = turn.selection();
		this.metrics.called(selection.providerId(), selection.modelId());
		this.conversations.recordTurn(turn.conversation().id(), turn.user().userId(), selection.modelId(),
				selection.providerId(), turn.conversation().upstreamId());
	}

	void keep(PreparedTurn turn, TurnAccumulator outcome) {
		if (!outcome.completed()) {
			return;
		}
		this.turnTimes.record(turn.conversation().id(), turn.startedAt(), Instant.now());
		countTokens(turn, outcome);
		QueryRequest request = turn.request();
		List<Transcript.Attachment> attachments = request.attachmentList()
			.stream()
			.map((a) -> new Transcript.Attachment(a.attachmentType(), a.contentType(), a.content()))
			.toList();
		this.transcripts.store(new Transcript(turn.user().userId(), turn.conversation().id(),
				turn.selection().providerId(), turn.selection().modelId(), request.provider(), request.model(),
				request.query(), outcome.answer(), attachments, outcome.toolCalls()));
	}

	// what the provider counted when Llama Stack says, an estimate from the texts
	// otherwise
	private void countTokens(PreparedTurn turn, TurnAccumulator outcome) {
		ModelSelection selection = turn.selection();
		TokenUsage usage = outcome.usage();
		if (usage != null) {
			this.metrics.sent(selection.providerId(), selection.modelId(), usage.inputTokens());
			this.metrics.received(selection.providerId(), selection.modelId(), usage.outputTokens());
		}
		else {
			this.metrics.sent(selection.providerId(), selection.modelId(), turn.request().query());
			this.metrics.received(selection.providerId(), selection.modelId(), outcome.answer());
		}
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
