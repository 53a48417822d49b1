package dev.lightspeed.stack.responses;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The response objects and events this service writes itself: a refusal by an input
 * shield (LCS 0.5's synthetic response, the model never asked), and what it adds to Llama
 * Stack's: this service's conversation id and the whole answer as {@code output_text}.
 */
final class ResponsesObjects {

	private ResponsesObjects() {
	}

	/**
	 * Puts this service's conversation id where Llama Stack's is, and the answer's text.
	 */
	static void adapt(ObjectNode response, PreparedResponse prepared, String outputText) {
		PreparedResponse.Conversation conversation = prepared.conversation();
		if (conversation != null) {
			response.put("conversation", conversation.id());
		}
		response.put("output_text", outputText);
	}

	static ObjectNode refusal(PreparedResponse prepared, String message, String status) {
		ObjectNode response = JsonNodeFactory.instance.objectNode();
		response.put("id", "modr_" + UUID.randomUUID().toString().replace("-", ""));
		response.put("object", "response");
		response.put("created_at", Instant.now().getEpochSecond());
		response.put("status", status);
		response.put("model", prepared.modelId());
		ArrayNode output = response.putArray("output");
		if ("completed".equals(status)) {
			output.add(message(message));
		}
		adapt(response, prepared, "completed".equals(status) ? message : "");
		return response;
	}

	static ObjectNode message(String text) {
		ObjectNode message = JsonNodeFactory.instance.objectNode();
		message.put("type", "message");
		message.put("id", "msg_" + UUID.randomUUID().toString().replace("-", ""));
		message.put("role", "assistant");
		message.put("status", "completed");
		ObjectNode part = message.putArray("content").addObject();
		part.put("type", "output_text");
		part.put("text", text);
		part.putArray("annotations");
		return message;
	}

	static ObjectNode event(String type, int sequence) {
		ObjectNode event = JsonNodeFactory.instance.objectNode();
		event.put("type", type);
		event.put("sequence_number", sequence);
		return event;
	}

	static ObjectNode error(String code, String message) {
		ObjectNode event = JsonNodeFactory.instance.objectNode();
		event.put("type", "error");
		event.put("code", code);
		event.put("message", message);
		event.putNull("param");
		return event;
	}

	static JsonNode withResponse(ObjectNode event, ObjectNode response) {
		event.set("response", response);
		return event;
	}

}
