package dev.lightspeed.stack.llamastack;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One turn of a conversation's history.
 *
 * @param messages the user's messages, then the answer
 * @param startedAt ISO-8601 start time
 * @param completedAt ISO-8601 completion time
 */
public record ChatTurn(List<Message> messages, @JsonProperty("started_at") @Nullable String startedAt,
		@JsonProperty("completed_at") @Nullable String completedAt) {

	public ChatTurn {
		messages = List.copyOf(messages);
	}

	/**
	 * A message as history shows it.
	 *
	 * @param content the content as stored by Llama Stack
	 * @param type the role: {@code user} or {@code assistant}
	 */
	public record Message(JsonNode content, String type) {
	}

}
