package dev.lightspeed.stack.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.lightspeed.stack.llamastack.InterleavedContent;
import dev.lightspeed.stack.llamastack.TurnEvent;
import dev.lightspeed.stack.transcripts.Transcript;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Folds a turn's events into what outlives the stream: the answer, the tool calls, the
 * referenced documents, the shield violations and a failure, if any.
 */
final class TurnAccumulator {

	private @Nullable String answer;

	private @Nullable String failure;

	private int violations;

	private final Map<String, Transcript.ToolCall> toolCalls = new LinkedHashMap<>();

	private final Map<String, JsonNode> documentMetadata = new LinkedHashMap<>();

	void accept(TurnEvent event) {
		switch (event) {
			case TurnEvent.TurnCompleted completed -> this.answer = completed.outputText();
			case TurnEvent.StreamFailed failed -> this.failure = failed.message();
			case TurnEvent.ShieldChecked checked when checked.violation() != null -> this.violations++;
			case TurnEvent.ToolExecuted executed -> collect(executed);
			default -> {
			}
		}
	}

	private void collect(TurnEvent.ToolExecuted executed) {
		for (TurnEvent.ToolCall call : executed.calls()) {
			this.toolCalls.put(call.callId(), new Transcript.ToolCall(call.callId(), call.toolName(), call.arguments(),
					responseTo(call.callId(), executed.responses())));
		}
		for (TurnEvent.ToolResponse response : executed.responses()) {
			if (KnowledgeSearch.TOOL.equals(response.toolName())) {
				KnowledgeSearch.collectMetadata(response.content(), this.documentMetadata);
			}
		}
	}

	private static @Nullable String responseTo(String callId, List<TurnEvent.ToolResponse> responses) {
		for (TurnEvent.ToolResponse response : responses) {
			if (response.callId().equals(callId)) {
				return InterleavedContent.flatten(response.content());
			}
		}
		return null;
	}

	boolean completed() {
		return this.answer != null;
	}

	String answer() {
		return (this.answer != null) ? this.answer : "";
	}

	@Nullable String failure() {
		return this.failure;
	}

	int violations() {
		return this.violations;
	}

	List<Transcript.ToolCall> toolCalls() {
		return new ArrayList<>(this.toolCalls.values());
	}

	List<Map<String, String>> referencedDocuments() {
		return KnowledgeSearch.referencedDocuments(this.documentMetadata);
	}

}
