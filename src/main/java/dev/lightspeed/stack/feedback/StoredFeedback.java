package dev.lightspeed.stack.feedback;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * The content of a feedback file, in LCS 0.2.0's key order.
 *
 * @param userId the caller
 * @param timestamp Python {@code str(datetime)} of the submission
 * @param conversationId the conversation
 * @param userQuestion the question
 * @param llmResponse the answer
 * @param sentiment -1, 1 or null
 * @param userFeedback free text
 * @param categories what was wrong
 */
@JsonPropertyOrder({ "user_id", "timestamp", "conversation_id", "user_question", "llm_response", "sentiment",
		"user_feedback", "categories" })
record StoredFeedback(@JsonProperty("user_id") String userId, String timestamp,
		@JsonProperty("conversation_id") String conversationId, @JsonProperty("user_question") String userQuestion,
		@JsonProperty("llm_response") String llmResponse, @Nullable Integer sentiment,
		@JsonProperty("user_feedback") @Nullable String userFeedback, @Nullable List<FeedbackCategory> categories) {
}
