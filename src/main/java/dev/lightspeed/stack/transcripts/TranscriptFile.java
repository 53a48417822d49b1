package dev.lightspeed.stack.transcripts;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The content of a transcript file, in LCS 0.2.0's key order.
 *
 * @param metadata who asked what of which model, and when
 * @param redactedQuery the query (LCS does not redact)
 * @param queryIsValid always true
 * @param llmResponse the answer
 * @param ragChunks always empty
 * @param truncated always false
 * @param attachments the request's attachments
 * @param toolCalls the tools called
 */
@JsonPropertyOrder({ "metadata", "redacted_query", "query_is_valid", "llm_response", "rag_chunks", "truncated",
		"attachments", "tool_calls" })
record TranscriptFile(Metadata metadata, @JsonProperty("redacted_query") String redactedQuery,
		@JsonProperty("query_is_valid") boolean queryIsValid, @JsonProperty("llm_response") String llmResponse,
		@JsonProperty("rag_chunks") List<Object> ragChunks, boolean truncated, List<Attachment> attachments,
		@JsonProperty("tool_calls") List<ToolCall> toolCalls) {

	static TranscriptFile of(Transcript transcript, String timestamp) {
		Metadata metadata = new Metadata(transcript.provider(), transcript.model(), transcript.queryProvider(),
				transcript.queryModel(), transcript.userId(), transcript.conversationId(), timestamp);
		return new TranscriptFile(metadata, transcript.query(), true, transcript.llmResponse(), List.of(), false,
				transcript.attachments()
					.stream()
					.map((a) -> new Attachment(a.attachmentType(), a.contentType(), a.content()))
					.toList(),
				transcript.toolCalls()
					.stream()
					.map((t) -> new ToolCall(t.id(), t.name(), t.args(), t.response()))
					.toList());
	}

	@JsonPropertyOrder({ "provider", "model", "query_provider", "query_model", "user_id", "conversation_id",
			"timestamp" })
	record Metadata(String provider, String model, @JsonProperty("query_provider") @Nullable String queryProvider,
			@JsonProperty("query_model") @Nullable String queryModel, @JsonProperty("user_id") String userId,
			@JsonProperty("conversation_id") String conversationId, String timestamp) {
	}

	@JsonPropertyOrder({ "attachment_type", "content_type", "content" })
	record Attachment(@JsonProperty("attachment_type") String attachmentType,
			@JsonProperty("content_type") String contentType, String content) {
	}

	@JsonPropertyOrder({ "id", "name", "args", "response" })
	record ToolCall(String id, String name, JsonNode args, @Nullable String response) {
	}

}
