/**
 * LCS 0.2.0's Prometheus metrics.
 */
@NullMarked
package dev.lightspeed.stack.metrics;

import org.jspecify.annotations.NullMarked;
