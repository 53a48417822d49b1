package dev.lightspeed.stack.query;

import dev.lightspeed.stack.llamastack.TurnEvent;

/**
 * Streams a turn to the client in LCS's SSE events: {@code start} (with the stream's
 * {@code request_id}), the events of the turn as {@link StreamEvents} maps them,
 * {@code interrupted} when the user stopped it, {@code end}, then the response ends.
 */
final class SseTurnSink implements TurnSink {

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
