package dev.lightspeed.stack.conversations;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A conversation in {@code GET /v2/conversations} ({@code ConversationData} in LCS
 * 0.3.x).
 *
 * @param conversationId the id
 * @param topicSummary the summary, null until one is set
 * @param lastMessageTimestamp last turn, as epoch seconds
 */
record ConversationData(@JsonProperty("conversation_id") String conversationId,
		@JsonProperty("topic_summary") @Nullable String topicSummary,
		@JsonProperty("last_message_timestamp") @Schema(types = "number", format = "double",
				description = "epoch seconds") @JsonSerialize(
						using = EpochSeconds.class) OffsetDateTime lastMessageTimestamp) {

	static ConversationData of(ConversationRecord record) {
		return new ConversationData(record.id(), record.topicSummary(), record.lastMessageAt());
	}

}
