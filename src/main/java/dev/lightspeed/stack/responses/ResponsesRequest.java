package dev.lightspeed.stack.responses;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lightspeed.stack.errors.ForbidExtraFields;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /v1/responses}: OpenAI's Responses request as LCS 0.7.1's
 * {@code ResponsesRequest} accepts it, with its own fields
 * {@code generate_topic_summary}, {@code shield_ids} and {@code solr}. Unknown fields are
 * refused.
 *
 * @param input the question: a string or a list of input items
 * @param model {@code provider/model}; the default model when absent
 * @param conversation a conversation of the caller's to continue (this service's id, as
 * {@code response.conversation} gives it)
 * @param include output parts to include
 * @param instructions the system prompt
 * @param maxInferIters most inference rounds
 * @param maxOutputTokens most tokens in the answer
 * @param maxToolCalls most tool calls
 * @param metadata key-value pairs kept with the response
 * @param parallelToolCalls whether tools may be called in parallel
 * @param previousResponseId not supported: use {@code conversation}
 * @param prompt a stored prompt with variables
 * @param reasoning reasoning options
 * @param safetyIdentifier an id of the end user for abuse detection
 * @param store whether the turn is kept in the conversation (default true)
 * @param stream whether the answer is streamed (default false)
 * @param temperature sampling temperature
 * @param text output format options
 * @param toolChoice {@code auto}, {@code required}, {@code none} or a tool
 * @param tools the tools; every searchable vector store and MCP server when absent
 * @param generateTopicSummary whether a new conversation gets a topic summary (default
 * true)
 * @param shieldIds the shields to run instead of all; empty for none
 * @param solr Solr/OKP options, accepted and not supported
 */
@ForbidExtraFields
record ResponsesRequest(@NotNull JsonNode input, @Nullable String model, @Nullable String conversation,
		@Nullable List<String> include, @Nullable String instructions,
		@JsonProperty("max_infer_iters") @Nullable Integer maxInferIters,
		@JsonProperty("max_output_tokens") @Nullable Integer maxOutputTokens,
		@JsonProperty("max_tool_calls") @Nullable Integer maxToolCalls, @Nullable Map<String, String> metadata,
		@JsonProperty("parallel_tool_calls") @Nullable Boolean parallelToolCalls,
		@JsonProperty("previous_response_id") @Nullable String previousResponseId, @Nullable JsonNode prompt,
		@Nullable JsonNode reasoning, @JsonProperty("safety_identifier") @Nullable String safetyIdentifier,
		@Nullable Boolean store, @Nullable Boolean stream, @Nullable Double temperature, @Nullable JsonNode text,
		@JsonProperty("tool_choice") @Nullable JsonNode toolChoice, @Nullable List<JsonNode> tools,
		@JsonProperty("generate_topic_summary") @Nullable Boolean generateTopicSummary,
		@JsonProperty("shield_ids") @Nullable List<String> shieldIds, @Nullable Map<String, Object> solr) {

	boolean stored() {
		return !Boolean.FALSE.equals(this.store);
	}

	boolean streamed() {
		return Boolean.TRUE.equals(this.stream);
	}

	boolean toolsRefused() {
		return this.toolChoice != null && "none".equals(this.toolChoice.asString(""));
	}

}
