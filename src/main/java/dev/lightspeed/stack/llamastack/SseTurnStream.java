package dev.lightspeed.stack.llamastack;

import java.io.IOException;
import java.io.InputStream;
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
 * {@link TurnEvent.StreamFailed} ends the stream. Closing the body aborts the HTTP
 * exchange, which is how a client disconnect cancels the turn upstream.
 */
class SseTurnStream implements TurnStream {

	private static final Logger logger = LoggerFactory.getLogger(SseTurnStream.class);

	private final InputStream body;

	private final Utf8Lines lines;

	private final Function<String, List<TurnEvent>> events;

	private final Deque<TurnEvent> pending = new ArrayDeque<>();

	private volatile boolean closed;

	private boolean ended;

	SseTurnStream(InputStream body, Function<String, List<TurnEvent>> events) {
		this.body = body;
		this.lines = new Utf8Lines(body);
		this.events = events;
	}

	@Override
	public @Nullable TurnEvent next() {
		while (this.pending.isEmpty()) {
			if (this.ended || this.closed) {
				return null;
			}
			String data = readEvent();
			if (data == null) {
				this.ended = true;
				close();
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

	private List<TurnEvent> map(String data) {
		try {
			return this.events.apply(data);
		}
		catch (JacksonException ex) {
			logger.warn("Ignoring an event from Llama Stack that is not JSON: {}", ex.getOriginalMessage());
			return List.of();
		}
	}

	/** The data of the next event, null at the end of the body. */
	private @Nullable String readEvent() {
		StringBuilder data = null;
		try {
			String line;
			while ((line = this.lines.next()) != null) {
				if (line.isEmpty()) {
					if (data != null) {
						return data.toString();
					}
				}
				else if (line.startsWith("data:")) {
					String value = line.substring(line.startsWith("data: ") ? 6 : 5);
					data = (data == null) ? new StringBuilder(value) : data.append('\n').append(value);
				}
				// event:, id:, retry: and comments carry nothing Llama Stack uses
			}
			return (data != null) ? data.toString() : null;
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
		try {
			this.body.close();
		}
		catch (IOException ex) {
			logger.debug("Closing a Llama Stack stream failed", ex);
		}
	}

}
