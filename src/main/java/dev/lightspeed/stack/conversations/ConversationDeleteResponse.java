package dev.lightspeed.stack.conversations;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code DELETE /v1/conversations/{id}} and its v2 twin.
 *
 * @param conversationId the id
 * @param success always true
 * @param response what happened
 */
record ConversationDeleteResponse(@JsonProperty("conversation_id") String conversationId, boolean success,
		String response) {

	static ConversationDeleteResponse deleted(String conversationId) {
		return new ConversationDeleteResponse(conversationId, true, "Conversation deleted successfully");
	}

}
