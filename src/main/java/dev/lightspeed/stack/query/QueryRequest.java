package dev.lightspeed.stack.query;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lightspeed.stack.errors.ForbidExtraFields;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code /v1/query} and {@code /v1/streaming_query} ({@code QueryRequest} in
 * LCS 0.2.0). Unknown fields are rejected.
 *
 * @param query the question
 * @param conversationId conversation to continue; null or empty for a new one
 * @param provider provider of the model
 * @param model model to use
 * @param systemPrompt system prompt for a new conversation
 * @param attachments attachments sent as turn documents
 * @param noTools whether to offer no tools (no RAG, no MCP)
 * @param mediaType accepted for road-core compatibility and ignored
 */
@ForbidExtraFields
@ModelProviderPair
public record QueryRequest(@NotNull String query,
		@JsonProperty("conversation_id") @ConversationIdFormat @Nullable String conversationId,
		@Nullable String provider, @Nullable String model, @JsonProperty("system_prompt") @Nullable String systemPrompt,
		@Nullable List<@Valid Attachment> attachments, @JsonProperty("no_tools") @Nullable Boolean noTools,
		@JsonProperty("media_type") @Nullable String mediaType) {

	/**
	 * Whether a conversation id was given.
	 * @return true for a non-empty id
	 */
	public boolean continuesConversation() {
		return this.conversationId != null && !this.conversationId.isEmpty();
	}

	/**
	 * Whether tools are to be left out.
	 * @return true when {@code no_tools} is true
	 */
	public boolean toolsDisabled() {
		return Boolean.TRUE.equals(this.noTools);
	}

	List<Attachment> attachmentList() {
		return (this.attachments != null) ? this.attachments : List.of();
	}

}
