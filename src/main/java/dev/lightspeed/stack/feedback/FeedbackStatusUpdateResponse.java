package dev.lightspeed.stack.feedback;

import java.util.Map;

/**
 * The answer of {@code PUT /v1/feedback/status} (LCS 0.3.0's
 * {@code FeedbackStatusUpdateResponse}).
 *
 * @param status {@code previous_status}, {@code updated_status}, {@code updated_by} (the
 * caller's user id) and {@code timestamp} (Python's {@code str(datetime)} in UTC)
 */
record FeedbackStatusUpdateResponse(Map<String, Object> status) {
}
