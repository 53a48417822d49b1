package dev.lightspeed.stack.query;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer of {@code /v1/query}.
 *
 * @param conversationId the conversation, new or continued
 * @param response the answer text
 * @param availableQuotas what the quotas that count the query have left (LCS 0.3.1);
 * absent when none does, so that the body stays LCS 0.2.0's
 */
public record QueryResponse(@JsonProperty("conversation_id") String conversationId, String response,
		@JsonProperty("available_quotas") @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Long> availableQuotas) {
}
