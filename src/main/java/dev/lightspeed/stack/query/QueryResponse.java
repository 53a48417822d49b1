package dev.lightspeed.stack.query;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer of {@code /v1/query}.
 *
 * @param conversationId the conversation, new or continued
 * @param response the answer text
 */
public record QueryResponse(@JsonProperty("conversation_id") String conversationId, String response) {
}
