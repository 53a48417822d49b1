package dev.lightspeed.stack.llamastack;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps the events of a Responses API stream ({@code POST /v1/responses} with
 * {@code stream: true}) to turn events, so that the streaming endpoint tells clients what
 * it tells them for the Agents API: the turn starts, a message (inference step) or a tool
 * call starts, text arrives, a tool ran, documents were found, the turn completed with
 * its usage, or it failed. Events this service has no use for (argument deltas, MCP tool
 * listing, snapshots in progress) map to nothing.
 */
final class ResponsesEvents {

	private static final JsonMapper JSON = JsonMapper.shared();

	private final List<String> answerItemIds = new ArrayList<>();

	private boolean ended;

	/**
	 * The ids of the message items of the completed response, which the conversation
	 * keeps as the answer.
	 * @return the ids, empty before the response completed
	 */
	List<String> answerItemIds() {
		return this.answerItemIds;
	}

	/**
	 * The turn events of one stream event.
	 * @param data the event's JSON, UTF-8
	 * @return its events, in order
	 * @throws JacksonException when the event is not JSON
	 */
	List<TurnEvent> map(byte[] data) {
		if (this.ended) {
			// OGX's output guardrail sends a second response.completed; the first counts
			return List.of();
		}
		List<TurnEvent> events = events(JSON.readTree(data));
		this.ended = !events.isEmpty() && (events.getLast() instanceof TurnEvent.TurnCompleted
				|| events.getLast() instanceof TurnEvent.StreamFailed);
		return events;
	}

	private List<TurnEvent> events(JsonNode event) {
		String type = event.path("type").stringValue("");
		return switch (type) {
			case "response.created" -> List.of(new TurnEvent.TurnStarted());
			case "response.output_item.added" -> itemAdded(event.path("item"));
			case "response.output_text.delta", "response.refusal.delta" ->
				List.of(new TurnEvent.TextDelta(event.path("delta").stringValue("")));
			case "response.output_item.done" -> itemDone(event.path("item"));
			case "response.completed" -> {
				for (JsonNode item : event.path("response").path("output")) {
					if ("message".equals(item.path("type").stringValue("")) && item.path("id").isString()) {
						this.answerItemIds.add(item.get("id").stringValue());
					}
				}
				yield List.of(completed(event.path("response")));
			}
			// a token limit cut the answer: what came is the answer, marked truncated
			case "response.incomplete" -> List.of(truncated(completed(event.path("response"))));
			case "response.failed" ->
				List.of(new TurnEvent.StreamFailed(failure(event.path("response").path("error"))));
			case "error" -> List.of(new TurnEvent.StreamFailed(failure(event)));
			case "" ->
				event.has("error") ? List.of(new TurnEvent.StreamFailed(failure(event.get("error")))) : List.of();
			default -> List.of();
		};
	}

	private static List<TurnEvent> itemAdded(JsonNode item) {
		return switch (item.path("type").stringValue("")) {
			case "message" -> List.of(new TurnEvent.StepStarted("inference"));
			case "mcp_call", "file_search_call", "web_search_call" ->
				List.of(new TurnEvent.StepStarted("tool_execution"));
			default -> List.of();
		};
	}

	private static List<TurnEvent> itemDone(JsonNode item) {
		String id = item.path("id").stringValue("");
		return switch (item.path("type").stringValue("")) {
			case "mcp_call" -> {
				String name = item.path("name").stringValue("");
				JsonNode error = item.path("error");
				boolean failed = error.isString() && !error.stringValue().isEmpty();
				yield List.of(new TurnEvent.ToolExecuted(
						List.of(new TurnEvent.ToolCall(id, name, arguments(item.path("arguments")))),
						List.of(new TurnEvent.ToolResponse(id, name, orNull(failed ? error : item.path("output")),
								failed))));
			}
			case "file_search_call" -> fileSearch(id, item);
			default -> List.of();
		};
	}

	private static List<TurnEvent> fileSearch(String id, JsonNode item) {
		ObjectNode arguments = JsonNodeFactory.instance.objectNode();
		arguments.set("queries",
				item.path("queries").isArray() ? item.get("queries") : JsonNodeFactory.instance.arrayNode());
		List<TurnEvent> events = new ArrayList<>();
		events.add(new TurnEvent.ToolExecuted(List.of(new TurnEvent.ToolCall(id, "file_search", arguments)),
				List.of(new TurnEvent.ToolResponse(id, "file_search", orNull(item.path("results")),
						"failed".equals(item.path("status").stringValue(""))))));
		List<ReferencedDocument> documents = FileSearchResults.documents(item.path("results"));
		if (!documents.isEmpty()) {
			events.add(new TurnEvent.DocumentsReferenced(documents));
		}
		return events;
	}

	private static TurnEvent.TurnCompleted truncated(TurnEvent.TurnCompleted completed) {
		return new TurnEvent.TurnCompleted(completed.outputText(), completed.usage(), true);
	}

	static TurnEvent.TurnCompleted completed(JsonNode response) {
		JsonNode usage = response.path("usage");
		TokenUsage tokens = usage.isObject()
				? new TokenUsage(usage.path("input_tokens").asInt(0), usage.path("output_tokens").asInt(0)) : null;
		return new TurnEvent.TurnCompleted(outputText(response.path("output")), tokens);
	}

	/**
	 * The answer of a response: the text of its message items ({@code output_text} and
	 * {@code refusal} parts, or string content).
	 */
	static String outputText(JsonNode output) {
		StringBuilder text = new StringBuilder();
		for (JsonNode item : output) {
			if ("message".equals(item.path("type").stringValue(""))) {
				text.append(ResponsesItems.text(item.path("content")));
			}
		}
		return text.toString();
	}

	// arguments are a JSON string; an object reads better in tool events and transcripts
	private static JsonNode arguments(JsonNode arguments) {
		if (arguments.isString()) {
			try {
				JsonNode parsed = JSON.readTree(arguments.stringValue());
				if (parsed != null && parsed.isObject()) {
					return parsed;
				}
			}
			catch (JacksonException ex) {
				// not JSON: keep the string
			}
		}
		return orNull(arguments);
	}

	private static String failure(@Nullable JsonNode error) {
		if (error == null || error.isMissingNode() || error.isNull()) {
			return "Llama Stack reported a failure without a message";
		}
		JsonNode message = error.path("message");
		return message.isString() ? message.stringValue() : error.toString();
	}

	private static JsonNode orNull(JsonNode node) {
		return node.isMissingNode() ? JsonNodeFactory.instance.nullNode() : node;
	}

}
