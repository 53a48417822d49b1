package dev.lightspeed.stack.conversations;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lightspeed.stack.storage.DatabaseVendor;
import org.jspecify.annotations.Nullable;

/**
 * A conversation in {@code GET /v1/conversations} ({@code ConversationDetails}).
 *
 * @param conversationId the id
 * @param createdAt first turn, ISO-8601 as LCS shows the database's value
 * @param lastMessageAt last turn, the same way
 * @param messageCount number of turns
 * @param lastUsedModel model of the last turn
 * @param lastUsedProvider provider of the last turn
 */
record ConversationDetails(@JsonProperty("conversation_id") String conversationId,
		@JsonProperty("created_at") @Nullable String createdAt,
		@JsonProperty("last_message_at") @Nullable String lastMessageAt,
		@JsonProperty("message_count") @Nullable Integer messageCount,
		@JsonProperty("last_used_model") @Nullable String lastUsedModel,
		@JsonProperty("last_used_provider") @Nullable String lastUsedProvider) {

	static ConversationDetails of(ConversationRecord record, DatabaseVendor vendor) {
		return new ConversationDetails(record.id(), vendor.isoformat(record.createdAt()),
				vendor.isoformat(record.lastMessageAt()), record.messageCount(), record.lastUsedModel(),
				record.lastUsedProvider());
	}

}
