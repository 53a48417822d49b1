package dev.lightspeed.stack.feedback;

import dev.lightspeed.stack.errors.ForbidExtraFields;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code PUT /v1/feedback/status} (LCS 0.3.0's
 * {@code FeedbackStatusUpdateRequest}).
 *
 * @param status whether feedback is to be accepted; absent is false, as in LCS
 */
@ForbidExtraFields
record FeedbackStatusUpdateRequest(@Nullable Boolean status) {

	boolean wanted() {
		return Boolean.TRUE.equals(this.status);
	}

}
