package dev.lightspeed.stack.query;

import dev.lightspeed.stack.llamastack.TurnEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams a turn to the client in LCS's SSE events: {@code start} (with the stream's
 * {@code request_id}), the events of the turn as {@link StreamEvents} maps them,
 * {@code interrupted} when the user stopped it, {@code end}, then the response ends.
 */
final class SseTurnSink implements TurnSink {

	private static final Logger logger = LoggerFactory.getLogger(SseTurnSink.class);

	private final SseWriter out;

	private final StreamEvents events;

	private final String requestId;

	SseTurnSink(SseWriter out, StreamDialect dialect, String requestId) {
		this.out = out;
		this.events = new StreamEvents(dialect);
		this.requestId = requestId;
	}

	@Override
	public void start(String conversationId) {
		this.out.send(this.events.start(conversationId, this.requestId));
	}

	@Override
	public void event(TurnEvent event) {
		if (event instanceof TurnEvent.StreamFailed failed) {
			// the response is a 200 already: this line is the 5xx's log line
			logger.warn("Stream {} ended with an error ({}): {}", this.requestId, failed.status(), failed.message());
		}
		this.events.map(event).forEach(this.out::send);
	}

	@Override
	public void interrupted() {
		this.out.send(StreamEvents.interrupted(this.requestId));
	}

	@Override
	public void end(TurnAccumulator outcome) {
		this.out.send(StreamEvents.end(outcome.referencedDocuments(), outcome.usage(), outcome.truncated()));
		this.out.complete();
	}

}
