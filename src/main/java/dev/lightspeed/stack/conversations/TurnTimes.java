package dev.lightspeed.stack.conversations;

import java.time.Instant;
import java.util.List;

/**
 * When each answered turn of a conversation started and completed: the history of the
 * Responses API has no times of its own, and LCS's clients show them.
 */
public interface TurnTimes {

	/**
	 * Records an answered turn.
	 * @param conversationId the conversation
	 * @param startedAt when the question came
	 * @param completedAt when the answer was complete
	 */
	void record(String conversationId, Instant startedAt, Instant completedAt);

	/**
	 * The turns' times, oldest first.
	 * @param conversationId the conversation
	 * @return the times, one per answered turn
	 */
	List<Times> of(String conversationId);

	/**
	 * Forgets a conversation's turns.
	 * @param conversationId the conversation
	 */
	void delete(String conversationId);

	/**
	 * A turn's times.
	 *
	 * @param startedAt when the question came
	 * @param completedAt when the answer was complete
	 */
	record Times(Instant startedAt, Instant completedAt) {
	}

}
