package dev.lightspeed.stack.llamastack;

import java.util.ArrayList;
import java.util.List;

import dev.lightspeed.stack.llamastack.TurnEvent.DocumentsReferenced;
import dev.lightspeed.stack.llamastack.TurnEvent.ShieldChecked;
import dev.lightspeed.stack.llamastack.TurnEvent.StepStarted;
import dev.lightspeed.stack.llamastack.TurnEvent.StreamFailed;
import dev.lightspeed.stack.llamastack.TurnEvent.TextDelta;
import dev.lightspeed.stack.llamastack.TurnEvent.ToolCall;
import dev.lightspeed.stack.llamastack.TurnEvent.ToolCallDelta;
import dev.lightspeed.stack.llamastack.TurnEvent.ToolExecuted;
import dev.lightspeed.stack.llamastack.TurnEvent.ToolResponse;
import dev.lightspeed.stack.llamastack.TurnEvent.TurnCompleted;
import dev.lightspeed.stack.llamastack.TurnEvent.TurnStarted;
import dev.lightspeed.stack.llamastack.TurnEvent.Violation;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Maps one chunk of an Agents API turn stream to turn events, so that the streaming
 * endpoint can reproduce LCS's event catalogue, checked in the same order LCS checks:
 * error, turn start/awaiting input, turn complete, then by step type. A text delta,
 * nearly every chunk, is read without a tree ({@link TextDeltaChunk}).
 */
final class AgentTurnEvents {

	private static final JsonMapper JSON = JsonMapper.shared();

	private AgentTurnEvents() {
	}

	/**
	 * The events of one chunk.
	 * @param data the chunk's JSON, UTF-8
	 * @return its events, in order
	 * @throws JacksonException when the chunk is not JSON
	 */
	static List<TurnEvent> map(byte[] data) {
		TextDelta delta = TextDeltaChunk.read(JSON, data);
		return (delta != null) ? List.of(delta) : map(JSON.readTree(data));
	}

	private static List<TurnEvent> map(JsonNode chunk) {
		JsonNode error = chunk.path("error");
		if (!error.isMissingNode() && !error.isNull()) {
			JsonNode message = error.path("message");
			return List.of(new StreamFailed(message.isString() ? message.stringValue() : error.toString()));
		}
		JsonNode payload = chunk.path("event").path("payload");
		String eventType = text(payload.path("event_type"));
		return switch (eventType) {
			case "turn_start" -> List.of(new TurnStarted());
			// LCS registers no client tools, so a turn awaiting input is over: report it
			// as
			// LCS does, then give callers the answer it carries.
			case "turn_awaiting_input" -> List.of(new TurnStarted(), completed(payload));
			case "turn_complete" -> List.of(completed(payload));
			default -> step(eventType, payload);
		};
	}

	private static TurnCompleted completed(JsonNode payload) {
		return new TurnCompleted(
				InterleavedContent.flatten(payload.path("turn").path("output_message").path("content")));
	}

	private static List<TurnEvent> step(String eventType, JsonNode payload) {
		String stepType = text(payload.path("step_type"));
		return switch (stepType) {
			case "shield_call" -> "step_complete".equals(eventType)
					? List.of(new ShieldChecked(violation(payload.path("step_details").path("violation")))) : List.of();
			case "inference" -> inference(eventType, payload);
			case "tool_execution" -> toolExecution(eventType, payload);
			default -> List.of(new TurnEvent.Other(stepType.isEmpty() ? eventType : stepType));
		};
	}

	private static List<TurnEvent> inference(String eventType, JsonNode payload) {
		if ("step_start".equals(eventType)) {
			return List.of(new StepStarted("inference"));
		}
		if (!"step_progress".equals(eventType)) {
			return List.of();
		}
		JsonNode delta = payload.path("delta");
		return switch (text(delta.path("type"))) {
			case "text" -> List.of(new TextDelta(text(delta.path("text"))));
			case "tool_call" -> {
				JsonNode call = delta.path("tool_call");
				yield List.of(new ToolCallDelta(call.isObject() ? text(call.path("tool_name")) : text(call)));
			}
			default -> List.of();
		};
	}

	private static List<TurnEvent> toolExecution(String eventType, JsonNode payload) {
		if ("step_start".equals(eventType)) {
			return List.of(new StepStarted("tool_execution"));
		}
		if (!"step_complete".equals(eventType)) {
			return List.of();
		}
		JsonNode details = payload.path("step_details");
		List<ToolCall> calls = new ArrayList<>();
		for (JsonNode call : details.path("tool_calls")) {
			calls.add(new ToolCall(text(call.path("call_id")), text(call.path("tool_name")),
					orNull(call.path("arguments"))));
		}
		List<ToolResponse> responses = new ArrayList<>();
		List<ReferencedDocument> documents = new ArrayList<>();
		for (JsonNode response : details.path("tool_responses")) {
			ToolResponse toolResponse = new ToolResponse(text(response.path("call_id")),
					text(response.path("tool_name")), orNull(response.path("content")));
			responses.add(toolResponse);
			if (KnowledgeSearch.TOOL.equals(toolResponse.toolName())) {
				documents.addAll(KnowledgeSearch.documents(toolResponse.content()));
			}
		}
		ToolExecuted executed = new ToolExecuted(calls, responses);
		return documents.isEmpty() ? List.of(executed) : List.of(executed, new DocumentsReferenced(documents));
	}

	private static @Nullable Violation violation(JsonNode violation) {
		if (!violation.isObject()) {
			return null;
		}
		JsonNode message = violation.path("user_message");
		JsonNode metadata = violation.path("metadata");
		return new Violation(message.isString() ? message.stringValue() : null,
				metadata.isObject() ? metadata : JsonNodeFactory.instance.objectNode());
	}

	private static JsonNode orNull(JsonNode node) {
		return node.isMissingNode() ? JsonNodeFactory.instance.nullNode() : node;
	}

	private static String text(JsonNode node) {
		return node.isString() ? node.stringValue() : (node.isValueNode() && !node.isNull()) ? node.asString() : "";
	}

}
