package dev.lightspeed.stack.feedback;

import java.util.Map;

/**
 * The body of {@code GET /v1/feedback/status}.
 *
 * @param functionality always {@code feedback}
 * @param status {@code {"enabled": bool}}
 */
record StatusResponse(String functionality, Map<String, Object> status) {
}
