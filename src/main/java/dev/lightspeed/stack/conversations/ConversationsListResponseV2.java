package dev.lightspeed.stack.conversations;

import java.util.List;

/**
 * The body of {@code GET /v2/conversations}.
 *
 * @param conversations the caller's conversations, newest first
 */
record ConversationsListResponseV2(List<ConversationData> conversations) {
}
