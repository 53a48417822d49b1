package dev.lightspeed.stack.llamastack;

import org.jspecify.annotations.Nullable;

/**
 * The events of one turn, read as they arrive. Closing the stream before its end cancels
 * the turn upstream and frees the connection.
 */
public interface TurnStream extends AutoCloseable {

	/**
	 * Blocks until the next event.
	 * @return the next event, or null when the turn has ended
	 * @throws LlamaStackUnavailableException when the connection fails mid-stream
	 */
	@Nullable TurnEvent next();

	@Override
	void close();

}
