package dev.lightspeed.stack.conversations;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body answering {@code PUT /v2/conversations/{id}}.
 *
 * @param conversationId the id
 * @param success always true
 * @param message what happened
 */
record ConversationUpdateResponse(@JsonProperty("conversation_id") String conversationId, boolean success,
		String message) {
}
