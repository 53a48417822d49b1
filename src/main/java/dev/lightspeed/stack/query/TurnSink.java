package dev.lightspeed.stack.query;

import dev.lightspeed.stack.llamastack.TurnEvent;

/**
 * Where a turn's events go while {@link QueryService} runs it: nowhere for
 * {@code /v1/query}, which answers from the outcome once the turn is over, or to the
 * client as server-sent events for {@code /v1/streaming_query}. A sink throws
 * {@link SseWriter.ClientGoneException} when the client left; the turn then stops.
 */
interface TurnSink {

	/** A sink that keeps nothing: the outcome is all {@code /v1/query} needs. */
	TurnSink NONE = new TurnSink() {
	};

	/**
	 * The turn starts.
	 * @param conversationId the conversation it runs in
	 */
	default void start(String conversationId) {
	}

	/**
	 * Something happened; a {@link TurnEvent.StreamFailed} is the last event.
	 * @param event the event
	 */
	default void event(TurnEvent event) {
	}

	/**
	 * The user stopped the turn; nothing follows but the end.
	 */
	default void interrupted() {
	}

	/**
	 * The turn is over, answered or not.
	 * @param outcome what it came to
	 */
	default void end(TurnAccumulator outcome) {
	}

}
