package dev.lightspeed.stack.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.lightspeed.stack.json.PythonRepr;
import dev.lightspeed.stack.llamastack.InterleavedContent;
import dev.lightspeed.stack.llamastack.KnowledgeSearch;
import dev.lightspeed.stack.llamastack.TokenUsage;
import dev.lightspeed.stack.llamastack.TurnEvent;
import org.jspecify.annotations.Nullable;

/**
 * Maps turn events to LCS 0.2.0's SSE events (§8.3): {@code {"event": name, "data":
 * {...}}}, with a per-stream {@code id} on every event but {@code start} and {@code end}.
 * A shield that finds nothing emits no event (our fix: chat UIs printed 0.2.0's "No
 * Violation" token inside the answer).
 */
final class StreamEvents {

	private static final String TOKEN = "token";

	private static final String TOOL_CALL = "tool_call";

	private static final String INFERENCE = "inference";

	private static final String TOOL_EXECUTION = "tool_execution";

	private int nextId;

	static Map<String, Object> start(String conversationId) {
		return envelope("start", Map.of("conversation_id", conversationId));
	}

	static Map<String, Object> end(List<Map<String, @Nullable String>> referencedDocuments, @Nullable TokenUsage usage,
			Map<String, Long> availableQuotas) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("referenced_documents", referencedDocuments);
		data.put("truncated", null);
		data.put("input_tokens", (usage != null) ? usage.inputTokens() : 0);
		data.put("output_tokens", (usage != null) ? usage.outputTokens() : 0);
		Map<String, Object> end = envelope("end", data);
		end.put("available_quotas", availableQuotas);
		return end;
	}

	List<Map<String, Object>> map(TurnEvent event) {
		List<Map<String, Object>> events = new ArrayList<>();
		switch (event) {
			case TurnEvent.TurnStarted started -> events.add(event(TOKEN, null, ""));
			case TurnEvent.TurnCompleted completed -> events.add(event("turn_complete", null, completed.outputText()));
			case TurnEvent.StreamFailed failed -> events.add(event("error", null, failed.message()));
			case TurnEvent.ShieldChecked checked -> {
				if (checked.violation() != null) {
					events.add(event(TOKEN, "shield_call", violationText(checked.violation())));
				}
			}
			case TurnEvent.StepStarted step -> {
				if (INFERENCE.equals(step.stepType())) {
					events.add(event(TOKEN, INFERENCE, ""));
				}
				else if (TOOL_EXECUTION.equals(step.stepType())) {
					events.add(event(TOOL_CALL, TOOL_EXECUTION, ""));
				}
				else {
					events.add(heartbeat());
				}
			}
			case TurnEvent.TextDelta delta -> events.add(event(TOKEN, INFERENCE, delta.text()));
			case TurnEvent.ToolCallDelta delta -> events.add(event(TOOL_CALL, INFERENCE, delta.text()));
			case TurnEvent.ToolExecuted executed -> toolExecution(executed, events);
			case TurnEvent.Other other -> events.add(heartbeat());
			case TurnEvent.DocumentsReferenced referenced -> {
				// shown once, in the end event
			}
		}
		return events;
	}

	private void toolExecution(TurnEvent.ToolExecuted executed, List<Map<String, Object>> events) {
		for (TurnEvent.ToolCall call : executed.calls()) {
			Map<String, Object> token = new LinkedHashMap<>();
			token.put("tool_name", call.toolName());
			token.put("arguments", call.arguments());
			events.add(event(TOOL_CALL, TOOL_EXECUTION, token));
		}
		for (TurnEvent.ToolResponse response : executed.responses()) {
			events.add(event(TOOL_CALL, TOOL_EXECUTION, toolResponseToken(response)));
		}
	}

	private static Map<String, Object> toolResponseToken(TurnEvent.ToolResponse response) {
		Map<String, Object> token = new LinkedHashMap<>();
		token.put("tool_name", response.toolName());
		String flattened = InterleavedContent.flatten(response.content());
		if ("query_from_memory".equals(response.toolName())) {
			token.put("response", "Fetched " + flattened.length() + " bytes from memory");
		}
		else if (KnowledgeSearch.TOOL.equals(response.toolName()) && !flattened.isEmpty()) {
			token.put("summary", KnowledgeSearch.summary(response.content()));
		}
		else {
			token.put("response", flattened);
		}
		return token;
	}

	private static String violationText(TurnEvent.Violation violation) {
		String message = (violation.userMessage() != null) ? violation.userMessage() : "None";
		return "Violation: " + message + " (Metadata: " + PythonRepr.of(violation.metadata()) + ")";
	}

	private Map<String, Object> heartbeat() {
		return event("heartbeat", null, "heartbeat");
	}

	private Map<String, Object> event(String name, @Nullable String role, Object token) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("id", this.nextId++);
		if (role != null) {
			data.put("role", role);
		}
		data.put("token", token);
		return envelope(name, data);
	}

	private static Map<String, Object> envelope(String name, Object data) {
		Map<String, Object> envelope = new LinkedHashMap<>();
		envelope.put("event", name);
		envelope.put("data", data);
		return envelope;
	}

}
