/**
 * {@code GET /v1/shields} (LCS 0.3.x): Llama Stack's shields, passed through.
 */
@NullMarked
package dev.lightspeed.stack.shields;

import org.jspecify.annotations.NullMarked;
