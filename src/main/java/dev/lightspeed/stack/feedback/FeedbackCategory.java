package dev.lightspeed.stack.feedback;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What was wrong with an answer ({@code FeedbackCategory} in LCS 0.2.0). An enum, so an
 * unknown value is pydantic's {@code enum} error, as in LCS.
 */
enum FeedbackCategory {

	@JsonProperty("incorrect")
	INCORRECT,

	@JsonProperty("not_relevant")
	NOT_RELEVANT,

	@JsonProperty("incomplete")
	INCOMPLETE,

	@JsonProperty("outdated_information")
	OUTDATED_INFORMATION,

	@JsonProperty("unsafe")
	UNSAFE,

	@JsonProperty("other")
	OTHER

}
