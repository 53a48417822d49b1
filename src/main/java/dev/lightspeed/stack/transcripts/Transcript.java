package dev.lightspeed.stack.transcripts;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What a transcript file records of one turn (LCS 0.2.0).
 *
 * @param userId caller
 * @param conversationId conversation
 * @param provider provider used
 * @param model model used
 * @param queryProvider provider the request named
 * @param queryModel model the request named
 * @param query the question
 * @param llmResponse the answer
 * @param attachments the request's attachments
 * @param toolCalls tools called during the turn
 */
public record Transcript(String userId, String conversationId, String provider, String model,
		@Nullable String queryProvider, @Nullable String queryModel, String query, String llmResponse,
		List<Attachment> attachments, List<ToolCall> toolCalls) {

	public Transcript {
		attachments = List.copyOf(attachments);
		toolCalls = List.copyOf(toolCalls);
	}

	/**
	 * An attachment as the request sent it.
	 *
	 * @param attachmentType type
	 * @param contentType content type
	 * @param content text
	 */
	public record Attachment(String attachmentType, String contentType, String content) {
	}

	/**
	 * A tool call and its flattened response.
	 *
	 * @param id call id
	 * @param name tool name
	 * @param args arguments, an object or a string
	 * @param response flattened response, null when none arrived
	 */
	public record ToolCall(String id, String name, JsonNode args, @Nullable String response) {
	}

}
