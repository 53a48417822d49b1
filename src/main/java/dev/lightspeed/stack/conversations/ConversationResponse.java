package dev.lightspeed.stack.conversations;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code GET /v1/conversations/{id}} and {@code GET /v2/conversations/{id}}.
 *
 * @param conversationId the id
 * @param chatHistory the turns, oldest first
 * @param <T> the turn shape of the API version
 */
record ConversationResponse<T>(@JsonProperty("conversation_id") String conversationId,
		@JsonProperty("chat_history") List<T> chatHistory) {
}
