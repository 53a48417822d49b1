package dev.lightspeed.stack.query;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lightspeed.stack.errors.ForbidExtraFields;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code /v1/query} and {@code /v1/streaming_query}: LCS 0.2.0's
 * {@code QueryRequest} with the fields LCS 0.3.1-0.4.2 added, which the RHDH plugin 2.x
 * sends. Unknown fields are rejected.
 *
 * @param query the question
 * @param conversationId conversation to continue; null or empty for a new one
 * @param provider provider of the model
 * @param model model to use
 * @param systemPrompt system prompt
 * @param attachments attachments sent with the question
 * @param noTools whether to offer no tools (no RAG, no MCP)
 * @param mediaType accepted for road-core compatibility and ignored
 * @param vectorStoreIds the vector stores to search instead of the default set; empty for
 * none (LCS 0.4.0)
 * @param shieldIds the shields to run instead of all; empty for none (LCS 0.4.2)
 * @param generateTopicSummary whether a new conversation gets a topic summary (LCS 0.3.1;
 * default true)
 * @param solr Solr/OKP search options (LCS 0.4.2), accepted and not supported
 */
@ForbidExtraFields
@ModelProviderPair
public record QueryRequest(@NotNull String query,
		@JsonProperty("conversation_id") @ConversationIdFormat @Nullable String conversationId,
		@Nullable String provider, @Nullable String model, @JsonProperty("system_prompt") @Nullable String systemPrompt,
		@Nullable List<@Valid Attachment> attachments, @JsonProperty("no_tools") @Nullable Boolean noTools,
		@JsonProperty("media_type") @Nullable String mediaType,
		@JsonProperty("vector_store_ids") @Nullable List<String> vectorStoreIds,
		@JsonProperty("shield_ids") @Nullable List<String> shieldIds,
		@JsonProperty("generate_topic_summary") @Nullable Boolean generateTopicSummary,
		@Nullable Map<String, Object> solr) {

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

	/**
	 * Whether a new conversation gets a topic summary.
	 * @return false only when {@code generate_topic_summary} is false
	 */
	public boolean wantsTopicSummary() {
		return !Boolean.FALSE.equals(this.generateTopicSummary);
	}

	List<Attachment> attachmentList() {
		return (this.attachments != null) ? this.attachments : List.of();
	}

}
