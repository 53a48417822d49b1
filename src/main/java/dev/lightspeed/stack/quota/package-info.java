/**
 * How much a caller may ask: token quotas per user, for the cluster and per API key (LCS
 * 0.3.1's {@code quota_handlers}, checked and reserved atomically before a turn reaches
 * Llama Stack, charged with the turn's real cost afterwards) and request rates per user
 * and per key.
 */
@NullMarked
package dev.lightspeed.stack.quota;

import org.jspecify.annotations.NullMarked;
