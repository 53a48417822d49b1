package dev.lightspeed.stack.conversations;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lightspeed.stack.llamastack.ChatTurn;
import org.jspecify.annotations.Nullable;

/**
 * A turn in {@code GET /v2/conversations/{id}}: LCS 0.3.x adds the provider and model. A
 * conversation keeps the model it started with, so every turn shows the recorded one.
 *
 * @param provider provider id
 * @param model model id
 * @param messages the user's messages, then the answer
 * @param startedAt ISO-8601 start
 * @param completedAt ISO-8601 completion
 */
record ConversationTurnV2(String provider, String model, List<ChatTurn.Message> messages,
		@JsonProperty("started_at") @Nullable String startedAt,
		@JsonProperty("completed_at") @Nullable String completedAt) {

	static ConversationTurnV2 of(ConversationRecord record, ChatTurn turn) {
		return new ConversationTurnV2(record.lastUsedProvider(), record.lastUsedModel(), turn.messages(),
				turn.startedAt(), turn.completedAt());
	}

}
