/**
 * {@code /v1/query} and {@code /v1/streaming_query}: questions in, answers out, streamed
 * in LCS 0.2.0's SSE dialect.
 */
@NullMarked
package dev.lightspeed.stack.query;

import org.jspecify.annotations.NullMarked;
