package dev.lightspeed.stack.conversations;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * A row of {@code user_conversation}.
 *
 * @param id conversation id
 * @param userId owner
 * @param lastUsedModel model of the last turn (bare id, or full identifier when it came
 * from the first-LLM fallback)
 * @param lastUsedProvider provider of the last turn
 * @param createdAt first turn
 * @param lastMessageAt last turn
 * @param messageCount number of turns
 * @param topicSummary short summary of the conversation, null until generated
 * @param sessionId Llama Stack session holding the turns, null for rows written by LCS
 */
public record ConversationRecord(String id, String userId, String lastUsedModel, String lastUsedProvider,
		OffsetDateTime createdAt, OffsetDateTime lastMessageAt, int messageCount, @Nullable String topicSummary,
		@Nullable String sessionId) {
}
