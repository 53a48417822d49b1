/**
 * Topic summaries of new conversations (LCS 0.3.x): generated with the conversation's
 * model after its first turn, off the request path, and kept with the conversation.
 */
@NullMarked
package dev.lightspeed.stack.topicsummary;

import org.jspecify.annotations.NullMarked;
