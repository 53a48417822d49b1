package dev.lightspeed.stack.conversations;

import java.util.List;

/**
 * The body of {@code GET /v1/conversations}.
 *
 * @param conversations the caller's conversations
 */
record ConversationsListResponse(List<ConversationDetails> conversations) {
}
