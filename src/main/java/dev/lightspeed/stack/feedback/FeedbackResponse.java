package dev.lightspeed.stack.feedback;

/**
 * The body answering a stored feedback.
 *
 * @param response always {@code feedback received}
 */
record FeedbackResponse(String response) {
}
