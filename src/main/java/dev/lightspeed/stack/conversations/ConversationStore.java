package dev.lightspeed.stack.conversations;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Keeps conversation records in SQLite or PostgreSQL.
 */
public interface ConversationStore {

	/**
	 * Finds a conversation by id, whoever owns it.
	 * @param id conversation id
	 * @return the record, empty when unknown
	 */
	Optional<ConversationRecord> find(String id);

	/**
	 * Records a turn: inserts the row with {@code message_count = 1}, or updates model,
	 * provider, {@code last_message_at} and increments {@code message_count}.
	 * @param id conversation id
	 * @param userId owner
	 * @param model model id for bookkeeping
	 * @param provider provider id
	 * @param sessionId Llama Stack session id, kept when null
	 * @return the row as the turn left it, empty when the conversation belongs to another
	 * user (the row is then left untouched)
	 */
	Optional<ConversationRecord> recordTurn(String id, String userId, String model, String provider,
			@Nullable String sessionId);

	/**
	 * Lists a user's conversations.
	 * @param userId owner
	 * @param order the order
	 * @return the records
	 */
	List<ConversationRecord> listByUser(String userId, Order order);

	/**
	 * Lists every user's conversations (for a caller allowed to
	 * {@code list_other_conversations}).
	 * @param order the order
	 * @return the records
	 */
	List<ConversationRecord> listAll(Order order);

	/**
	 * Sets the topic summary.
	 * @param id conversation id
	 * @param topicSummary the summary
	 * @return false when the conversation is unknown
	 */
	boolean setTopicSummary(String id, String topicSummary);

	/**
	 * Deletes a conversation record.
	 * @param id conversation id
	 * @return false when it was unknown
	 */
	boolean delete(String id);

	/**
	 * The orders conversations are listed in.
	 */
	enum Order {

		/** As created, oldest first: LCS 0.2.0's {@code /v1/conversations}. */
		OLDEST_FIRST,

		/** Most recent message first: LCS 0.3.x's {@code /v2/conversations}. */
		NEWEST_MESSAGE_FIRST

	}

}
