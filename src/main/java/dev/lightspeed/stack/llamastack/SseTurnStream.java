package dev.lightspeed.stack.llamastack;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * A {@link TurnStream} over a server-sent event body, read line by line as it arrives.
 * Each event's {@code data:} lines are joined and mapped to turn events; a
 * {@link TurnEvent.StreamFailed} ends the stream. Closing the stream before its end drops
 * the connection, which is how a client disconnect cancels the turn upstream. A body
 * silent for longer than the read timeout fails the stream with a 504.
 */
class SseTurnStream implements TurnStream {

	private static final Logger logger = LoggerFactory.getLogger(SseTurnStream.class);

	private final EventStream exchange;

	private final SseEventData data;

	private final Function<byte[], List<TurnEvent>> events;

	private final Deque<TurnEvent> pending = new ArrayDeque<>();

	private volatile boolean closed;

	private boolean ended;

	/**
	 * A stream over an exchange's body.
	 * @param exchange the open exchange
	 * @param events maps one event's data (UTF-8 bytes) to turn events
	 */
	SseTurnStream(EventStream exchange, Function<byte[], List<TurnEvent>> events) {
		this.exchange = exchange;
		this.data = new SseEventData(exchange.body());
		this.events = events;
	}

	@Override
	public @Nullable TurnEvent next() {
		while (this.pending.isEmpty()) {
			if (this.ended || this.closed) {
				return null;
			}
			byte[] data = readEvent();
			if (data == null) {
				this.ended = true;
				this.closed = true;
				this.exchange.finished();
				return null;
			}
			this.pending.addAll(map(data));
		}
		TurnEvent event = this.pending.poll();
		if (event instanceof TurnEvent.StreamFailed) {
			// nothing may follow a failure
			this.pending.clear();
			this.ended = true;
			close();
		}
		return event;
	}

	private List<TurnEvent> map(byte[] data) {
		try {
			return this.events.apply(data);
		}
		catch (JacksonException ex) {
			logger.warn("Ignoring an event from Llama Stack that is not JSON: {}", ex.getOriginalMessage());
			return List.of();
		}
	}

	/** The data of the next event, null at the end of the body. */
	private byte @Nullable [] readEvent() {
		try {
			return this.data.next();
		}
		catch (IOException ex) {
			if (this.closed) {
				return null;
			}
			close();
			throw UpstreamErrors.unavailable(ex);
		}
	}

	@Override
	public void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		this.exchange.close();
	}

}
