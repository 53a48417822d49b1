package dev.lightspeed.stack.conversations;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import dev.lightspeed.stack.errors.ApiException;
import dev.lightspeed.stack.llamastack.ChatTurn;
import dev.lightspeed.stack.llamastack.Conversation;
import dev.lightspeed.stack.llamastack.LlamaStackApiException;
import dev.lightspeed.stack.llamastack.LlamaStackStatus;
import dev.lightspeed.stack.storage.PythonDateTimes;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Reads and deletes conversations in Llama Stack with LCS 0.2.0's error answers. An
 * unreachable Llama Stack surfaces as its own 503 exception. A turn's times are shown as
 * LCS shows them, read by its Llama Stack client and written again by pydantic
 * ({@code 2024-01-01T00:01:47Z}, {@code 2024-01-01T00:01:47.120000Z}), whatever form
 * Llama Stack gave them in.
 */
@Component
class ConversationHistory {

	private final LlamaStackStatus llamaStack;

	private final ConversationStore store;

	private final TurnTimes times;

	ConversationHistory(LlamaStackStatus llamaStack, ConversationStore store, TurnTimes times) {
		this.llamaStack = llamaStack;
		this.store = store;
		this.times = times;
	}

	List<ChatTurn> turns(ConversationRecord record, String shownId) {
		try {
			return this.llamaStack.backend()
				.history(upstream(record))
				.map((turns) -> withRecordedTimes(record.id(), turns))
				.map((turns) -> turns.stream().map(ConversationHistory::withLcsTimes).toList())
				.orElseThrow(() -> ApiException.of(HttpStatus.NOT_FOUND, "Conversation not found",
						"Conversation " + shownId + " could not be retrieved."));
		}
		catch (LlamaStackApiException ex) {
			if (ex.isNotFound()) {
				throw ApiException.of(HttpStatus.NOT_FOUND, "Conversation not found",
						"Conversation " + shownId + " could not be retrieved: " + ex.getMessage());
			}
			throw ApiException.of(HttpStatus.INTERNAL_SERVER_ERROR, "Unknown error",
					"Unknown error while getting conversation " + shownId + " : " + ex.getMessage());
		}
	}

	// The n-th answered turn is the n-th recorded one; a turn Llama Stack gave times for
	// keeps them.
	private List<ChatTurn> withRecordedTimes(String id, List<ChatTurn> turns) {
		if (turns.stream().allMatch((turn) -> turn.startedAt() != null)) {
			return turns;
		}
		List<TurnTimes.Times> recorded = this.times.of(id);
		List<ChatTurn> timed = new ArrayList<>();
		for (int i = 0; i < turns.size(); i++) {
			ChatTurn turn = turns.get(i);
			if (turn.startedAt() == null && i < recorded.size()) {
				turn = new ChatTurn(turn.messages(), recorded.get(i).startedAt().toString(),
						recorded.get(i).completedAt().toString());
			}
			timed.add(turn);
		}
		return timed;
	}

	private static ChatTurn withLcsTimes(ChatTurn turn) {
		return new ChatTurn(turn.messages(), lcsTime(turn.startedAt()), lcsTime(turn.completedAt()));
	}

	private static @Nullable String lcsTime(@Nullable String time) {
		if (time == null) {
			return null;
		}
		try {
			return PythonDateTimes.json(OffsetDateTime.parse(time));
		}
		catch (DateTimeParseException ex) {
			// not a time with an offset: shown as Llama Stack wrote it
			return time;
		}
	}

	/**
	 * Deletes what Llama Stack keeps, then our record; a conversation Llama Stack no
	 * longer knows counts as deleted there, so our record still goes.
	 */
	ConversationDeleteResponse delete(ConversationRecord record, String shownId) {
		deleteInLlamaStack(record, shownId);
		this.store.delete(record.id());
		this.times.delete(record.id());
		return ConversationDeleteResponse.deleted(shownId);
	}

	private static Conversation upstream(ConversationRecord record) {
		return new Conversation(record.id(), record.sessionId());
	}

	private void deleteInLlamaStack(ConversationRecord record, String shownId) {
		try {
			this.llamaStack.backend().deleteConversation(upstream(record));
		}
		catch (LlamaStackApiException ex) {
			if (!ex.isNotFound()) {
				throw ApiException.of(HttpStatus.INTERNAL_SERVER_ERROR, "Unknown error",
						"Unknown error while deleting conversation " + shownId + " : " + ex.getMessage());
			}
		}
	}

}
