package dev.lightspeed.stack.query;

import dev.lightspeed.stack.llamastack.TurnEvent;

/**
 * Streams a turn to the client in LCS's SSE dialect: {@code start}, the events of the
 * turn as {@link StreamEvents} maps them, {@code end}, then the response ends.
 */
final class SseTurnSink implements TurnSink {

	private final SseWriter out;

	private final StreamEvents events = new StreamEvents();

	SseTurnSink(SseWriter out) {
		this.out = out;
	}

	@Override
	public void start(String conversationId) {
		this.out.send(StreamEvents.start(conversationId));
	}

	@Override
	public void event(TurnEvent event) {
		this.events.map(event).forEach(this.out::send);
	}

	@Override
	public void end(TurnAccumulator outcome) {
		this.out.send(StreamEvents.end(outcome.referencedDocuments(), outcome.usage(), outcome.availableQuotas()));
		this.out.complete();
	}

}
