package dev.lightspeed.stack.llamastack;

import org.jspecify.annotations.Nullable;

/**
 * The events of a streamed {@code POST /v1/responses}, read as they arrive. Must be
 * closed; closing it before the end drops the connection, which cancels the response
 * upstream.
 */
public interface ResponseEvents extends AutoCloseable {

	/**
	 * The next event.
	 * @return the event, null at the end of the stream
	 * @throws LlamaStackUnavailableException when the connection fails or falls silent
	 */
	@Nullable ResponseEvent next();

	@Override
	void close();

}
