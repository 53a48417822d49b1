/**
 * {@code POST /v1/responses}: the OpenAI Responses API through this service's
 * authentication, shields, ownership rules, transcripts and metrics (LCS 0.5.0).
 */
@NullMarked
package dev.lightspeed.stack.responses;

import org.jspecify.annotations.NullMarked;
