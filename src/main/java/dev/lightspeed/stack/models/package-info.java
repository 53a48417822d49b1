/**
 * {@code GET /v1/models}: Llama Stack's models, passed through in LCS 0.2.0's key order.
 */
@NullMarked
package dev.lightspeed.stack.models;

import org.jspecify.annotations.NullMarked;
