/**
 * Conversation records (who owns which conversation, last model used, topic summary) and
 * the conversation endpoints.
 */
@NullMarked
package dev.lightspeed.stack.conversations;

import org.jspecify.annotations.NullMarked;
