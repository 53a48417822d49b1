package dev.lightspeed.stack.feedback;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.GroupSequence;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /v1/feedback} ({@code FeedbackRequest} in LCS 0.2.0). Unknown
 * fields are ignored. Categories are de-duplicated keeping their first occurrence (LCS
 * loses their order) and an empty list counts as none. The "at least one form of
 * feedback" rule is checked only when every field is valid, as pydantic does.
 *
 * @param conversationId the conversation, a UUID
 * @param userQuestion the question
 * @param llmResponse the answer
 * @param sentiment -1, 1 or null; read as any integer (Python's int has no range) so that
 * a value beyond a Java int is refused like any other, not an overflow
 * @param userFeedback free text, at most 4096 characters
 * @param categories what was wrong with the answer
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@FeedbackProvided(groups = FeedbackRequest.ModelChecks.class)
@GroupSequence({ FeedbackRequest.class, FeedbackRequest.ModelChecks.class })
record FeedbackRequest(
		@JsonProperty("conversation_id") @NotNull(
				message = "Field required") @FeedbackConversationId String conversationId,
		@JsonProperty("user_question") @NotNull(message = "Field required") String userQuestion,
		@JsonProperty("llm_response") @NotNull(message = "Field required") String llmResponse,
		@Sentiment @Nullable BigInteger sentiment,
		@JsonProperty("user_feedback") @Size(max = 4096,
				message = "String should have at most 4096 characters") @Nullable String userFeedback,
		@Nullable List<FeedbackCategory> categories) {

	FeedbackRequest {
		if (categories != null) {
			categories = categories.isEmpty() ? null
					: Collections.unmodifiableList(new ArrayList<>(new LinkedHashSet<>(categories)));
		}
	}

	/**
	 * The sentiment as stored, once validated.
	 * @return -1, 1 or null
	 */
	@Nullable Integer sentimentValue() {
		return (this.sentiment != null) ? this.sentiment.intValueExact() : null;
	}

	boolean hasFeedback() {
		return this.sentiment != null || this.userFeedback != null || this.categories != null;
	}

	/** Model-level checks, run after the field checks passed. */
	interface ModelChecks {

	}

}
