package dev.lightspeed.stack.conversations;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code PUT /v2/conversations/{id}} ({@code ConversationUpdateRequest} in
 * LCS 0.3.x).
 *
 * @param topicSummary the new summary, 1 to 1000 characters
 */
record ConversationUpdateRequest(@JsonProperty("topic_summary") @NotNull(message = "Field required") @Size(min = 1,
		message = "String should have at least 1 character") @Size(max = 1000,
				message = "String should have at most 1000 characters") String topicSummary) {
}
