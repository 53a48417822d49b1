/**
 * A stop without lost answers, for rolling updates: once the service is asked to stop, it
 * says it is not ready, takes no new questions, and gives the answers being streamed a
 * bounded time to finish.
 */
@NullMarked
package dev.lightspeed.stack.shutdown;

import org.jspecify.annotations.NullMarked;
