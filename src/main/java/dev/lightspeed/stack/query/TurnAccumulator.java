package dev.lightspeed.stack.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.lightspeed.stack.llamastack.InterleavedContent;
import dev.lightspeed.stack.llamastack.LlamaStackUnavailableException;
import dev.lightspeed.stack.llamastack.ReferencedDocument;
import dev.lightspeed.stack.llamastack.TokenUsage;
import dev.lightspeed.stack.llamastack.TurnEvent;
import dev.lightspeed.stack.transcripts.Transcript;
import org.jspecify.annotations.Nullable;

/**
 * Folds a turn's events into what outlives the stream: the answer and what it cost, the
 * tool calls, the referenced documents, and a failure, if any.
 */
final class TurnAccumulator {

	private @Nullable String answer;

	private @Nullable TokenUsage usage;

	private @Nullable String failure;

	private @Nullable LlamaStackUnavailableException brokenOff;

	private final StringBuilder streamedText = new StringBuilder();

	private boolean truncated;

	private boolean interrupted;

	private final Map<String, Transcript.ToolCall> toolCalls = new LinkedHashMap<>();

	private final Set<ReferencedDocument> documents = new LinkedHashSet<>();

	// null until the turn has been charged to its quotas
	private @Nullable Map<String, Long> availableQuotas;

	void accept(TurnEvent event) {
		switch (event) {
			case TurnEvent.TurnCompleted completed -> {
				this.answer = completed.outputText();
				this.usage = completed.usage();
				this.truncated = completed.truncated();
			}
			case TurnEvent.TextDelta delta -> this.streamedText.append(delta.text());
			case TurnEvent.StreamFailed failed -> this.failure = failed.message();
			case TurnEvent.ToolExecuted executed -> collect(executed);
			case TurnEvent.DocumentsReferenced referenced -> this.documents.addAll(referenced.documents());
			default -> {
			}
		}
	}

	private void collect(TurnEvent.ToolExecuted executed) {
		for (TurnEvent.ToolCall call : executed.calls()) {
			this.toolCalls.put(call.callId(), new Transcript.ToolCall(call.callId(), call.toolName(), call.arguments(),
					responseTo(call.callId(), executed.responses())));
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

	/**
	 * Records that the user stopped the answer: what streamed so far, with a note, is the
	 * answer.
	 * @param note the note appended to the answer
	 */
	void interrupted(String note) {
		this.interrupted = true;
		this.answer = this.streamedText + note;
	}

	boolean wasInterrupted() {
		return this.interrupted;
	}

	boolean truncated() {
		return this.truncated;
	}

	/**
	 * Records that the answer broke off because Llama Stack could not be read.
	 * @param failure what happened
	 */
	void brokeOff(LlamaStackUnavailableException failure) {
		this.brokenOff = failure;
	}

	/**
	 * Why the answer broke off, when the connection to Llama Stack failed mid-answer.
	 * @return the failure, null when it did not
	 */
	@Nullable LlamaStackUnavailableException brokenOff() {
		return this.brokenOff;
	}

	/**
	 * Whether the turn was answered: it completed and nothing failed after.
	 * @return true when answered
	 */
	boolean completed() {
		return this.answer != null && this.failure == null;
	}

	String answer() {
		return (this.answer != null) ? this.answer : "";
	}

	@Nullable TokenUsage usage() {
		return this.usage;
	}

	@Nullable String failure() {
		return this.failure;
	}

	/**
	 * What the quotas that count the turn have left after it, by name.
	 * @return the quotas, empty when none counts it
	 */
	Map<String, Long> availableQuotas() {
		return (this.availableQuotas != null) ? this.availableQuotas : Map.of();
	}

	boolean charged() {
		return this.availableQuotas != null;
	}

	void charged(Map<String, Long> quotas) {
		this.availableQuotas = quotas;
	}

	List<Transcript.ToolCall> toolCalls() {
		return new ArrayList<>(this.toolCalls.values());
	}

	/**
	 * The documents in LCS's shape, {@code doc_url} and {@code doc_title}.
	 */
	List<Map<String, @Nullable String>> referencedDocuments() {
		return this.documents.stream().map((document) -> {
			Map<String, @Nullable String> shown = new LinkedHashMap<>();
			shown.put("doc_url", document.url());
			shown.put("doc_title", document.title());
			return shown;
		}).toList();
	}

}
