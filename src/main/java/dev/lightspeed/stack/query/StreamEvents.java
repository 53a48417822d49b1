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
 * Maps turn events to LCS's SSE events (as LCS 0.2.0 names them, in the
 * {@link StreamDialect} of the deployment): {@code {"event": name, "data": {...}}}, with
 * a per-stream {@code id} on every event but {@code start}, {@code end} and
 * {@code interrupted}; tool events carry the tool call's id in the compatible dialect, so
 * that a result finds its call. A shield that finds nothing emits no event (our fix: chat
 * UIs printed 0.2.0's "No Violation" token inside the answer).
 */
final class StreamEvents {

	private static final String TOKEN = "token";

	private static final String TOOL_CALL = "tool_call";

	private static final String INFERENCE = "inference";

	private static final String TOOL_EXECUTION = "tool_execution";

	private final StreamDialect dialect;

	private int nextId;

	private int round;

	StreamEvents(StreamDialect dialect) {
		this.dialect = dialect;
	}

	Map<String, Object> start(String conversationId, String requestId) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("conversation_id", conversationId);
		if (this.dialect == StreamDialect.COMPATIBLE) {
			data.put("request_id", requestId);
		}
		return envelope("start", data);
	}

	static Map<String, Object> end(List<Map<String, @Nullable String>> referencedDocuments, @Nullable TokenUsage usage,
			boolean truncated, Map<String, Long> availableQuotas) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("referenced_documents", referencedDocuments);
		data.put("truncated", truncated ? Boolean.TRUE : null);
		data.put("input_tokens", (usage != null) ? usage.inputTokens() : 0);
		data.put("output_tokens", (usage != null) ? usage.outputTokens() : 0);
		Map<String, Object> end = envelope("end", data);
		end.put("available_quotas", availableQuotas);
		return end;
	}

	static Map<String, Object> interrupted(String requestId) {
		return envelope("interrupted", Map.of("request_id", requestId));
	}

	List<Map<String, Object>> map(TurnEvent event) {
		List<Map<String, Object>> events = new ArrayList<>();
		switch (event) {
			case TurnEvent.TurnStarted started -> events.add(event(TOKEN, null, ""));
			case TurnEvent.TurnCompleted completed -> events.add(event("turn_complete", null, completed.outputText()));
			case TurnEvent.StreamFailed failed -> events.add(error(failed));
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
					if (this.dialect == StreamDialect.LCS_0_2) {
						events.add(event(TOOL_CALL, TOOL_EXECUTION, ""));
					}
				}
				else {
					events.add(heartbeat());
				}
			}
			case TurnEvent.TextDelta delta -> events.add(event(TOKEN, INFERENCE, delta.text()));
			case TurnEvent.ToolCallDelta delta -> {
				// the OpenShift console lists every tool_call by its id: one naming no
				// tool would show as a nameless tool
				if (this.dialect == StreamDialect.LCS_0_2) {
					events.add(event(TOOL_CALL, INFERENCE, delta.text()));
				}
			}
			case TurnEvent.ToolExecuted executed -> toolExecution(executed, events);
			case TurnEvent.Other other -> events.add(heartbeat());
			case TurnEvent.DocumentsReferenced referenced -> {
				// shown once, in the end event
			}
		}
		return events;
	}

	private Map<String, Object> error(TurnEvent.StreamFailed failed) {
		Map<String, Object> error = event("error", null, failed.message());
		if (this.dialect == StreamDialect.COMPATIBLE) {
			@SuppressWarnings("unchecked")
			Map<String, Object> data = (Map<String, Object>) error.get("data");
			data.put("status_code", failed.status());
			data.put("response", "Unable to get an answer from Llama Stack");
			data.put("cause", failed.message());
		}
		return error;
	}

	private void toolExecution(TurnEvent.ToolExecuted executed, List<Map<String, Object>> events) {
		this.round++;
		for (TurnEvent.ToolCall call : executed.calls()) {
			Map<String, Object> token = new LinkedHashMap<>();
			token.put("tool_name", call.toolName());
			token.put("arguments", call.arguments());
			Map<String, Object> shown = event(TOOL_CALL, TOOL_EXECUTION, token);
			if (this.dialect == StreamDialect.COMPATIBLE) {
				data(shown).put("id", call.callId());
				data(shown).put("name", call.toolName());
				data(shown).put("args", call.arguments());
				data(shown).put("type", TOOL_CALL);
			}
			events.add(shown);
		}
		for (TurnEvent.ToolResponse response : executed.responses()) {
			events.add(toolResult(response));
		}
	}

	private Map<String, Object> toolResult(TurnEvent.ToolResponse response) {
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
		if (this.dialect == StreamDialect.LCS_0_2) {
			return event(TOOL_CALL, TOOL_EXECUTION, token);
		}
		// RHDH and the assisted-installer chat show a result's response
		token.putIfAbsent("response", flattened);
		Map<String, Object> result = event("tool_result", TOOL_EXECUTION, token);
		data(result).put("id", response.callId());
		data(result).put("status", response.failed() ? "failure" : "success");
		data(result).put("content", flattened);
		data(result).put("type", "tool_result");
		data(result).put("round", this.round);
		return result;
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

	@SuppressWarnings("unchecked")
	private static Map<String, Object> data(Map<String, Object> event) {
		return (Map<String, Object>) event.get("data");
	}

	private static Map<String, Object> envelope(String name, Object data) {
		Map<String, Object> envelope = new LinkedHashMap<>();
		envelope.put("event", name);
		envelope.put("data", data);
		return envelope;
	}

}
