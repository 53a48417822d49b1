package dev.lightspeed.stack.llamastack;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What happens during a turn, in the order Llama Stack reports it. A backend maps its
 * wire events to these; the streaming endpoint maps these to LCS's SSE events, and
 * {@code /v1/query} folds them into an answer.
 */
public sealed interface TurnEvent {

	/**
	 * The turn started, or paused awaiting client tool results.
	 */
	record TurnStarted() implements TurnEvent {
	}

	/**
	 * A step of the given type started.
	 *
	 * @param stepType {@code inference}, {@code tool_execution}, {@code shield_call}, ...
	 */
	record StepStarted(String stepType) implements TurnEvent {
	}

	/**
	 * Answer text from the model.
	 *
	 * @param text the piece of text
	 */
	record TextDelta(String text) implements TurnEvent {
	}

	/**
	 * The model is calling a tool: partial call text while it is being parsed, then the
	 * tool's name.
	 *
	 * @param text partial call text or the tool name
	 */
	record ToolCallDelta(String text) implements TurnEvent {
	}

	/**
	 * A shield finished checking.
	 *
	 * @param violation what it objected to, null when it found nothing
	 */
	record ShieldChecked(@Nullable Violation violation) implements TurnEvent {
	}

	/**
	 * A tool ran on the server.
	 *
	 * @param calls the calls made
	 * @param responses what the tools answered
	 */
	record ToolExecuted(List<ToolCall> calls, List<ToolResponse> responses) implements TurnEvent {

		public ToolExecuted {
			calls = List.copyOf(calls);
			responses = List.copyOf(responses);
		}

	}

	/**
	 * A step or event this service does not interpret (shown to clients as a heartbeat).
	 *
	 * @param kind what it was
	 */
	record Other(String kind) implements TurnEvent {
	}

	/**
	 * The knowledge search found documents the answer draws on.
	 *
	 * @param documents the documents, in the order found
	 */
	record DocumentsReferenced(List<ReferencedDocument> documents) implements TurnEvent {

		public DocumentsReferenced {
			documents = List.copyOf(documents);
		}

	}

	/**
	 * The turn is complete.
	 *
	 * @param outputText the final answer text
	 * @param usage the tokens it cost, null when Llama Stack does not say
	 * @param truncated whether the model stopped before the end of its answer (a token
	 * limit)
	 */
	record TurnCompleted(String outputText, @Nullable TokenUsage usage, boolean truncated) implements TurnEvent {

		/**
		 * A complete turn whose cost Llama Stack does not report.
		 * @param outputText the final answer text
		 */
		public TurnCompleted(String outputText) {
			this(outputText, null, false);
		}

		/**
		 * A complete turn.
		 * @param outputText the final answer text
		 * @param usage the tokens it cost, null when Llama Stack does not say
		 */
		public TurnCompleted(String outputText, @Nullable TokenUsage usage) {
			this(outputText, usage, false);
		}

	}

	/**
	 * Llama Stack reported a failure inside the stream; nothing follows.
	 *
	 * @param message what failed
	 * @param status the HTTP status a client would have got before the stream started
	 */
	record StreamFailed(String message, int status) implements TurnEvent {

		/**
		 * A failure Llama Stack reported (the turn could not be answered: 500).
		 * @param message what failed
		 */
		public StreamFailed(String message) {
			this(message, 500);
		}

	}

	/**
	 * A shield's objection.
	 *
	 * @param userMessage the text shown to the user
	 * @param metadata the shield's metadata object
	 */
	record Violation(@Nullable String userMessage, JsonNode metadata) {
	}

	/**
	 * A tool call.
	 *
	 * @param callId call id
	 * @param toolName tool name
	 * @param arguments arguments, an object or a string
	 */
	record ToolCall(String callId, String toolName, JsonNode arguments) {
	}

	/**
	 * A tool's answer.
	 *
	 * @param callId call id it answers
	 * @param toolName tool name
	 * @param content a string or a list of content items
	 * @param failed whether the tool reported a failure
	 */
	record ToolResponse(String callId, String toolName, JsonNode content, boolean failed) {

		/**
		 * A tool's answer, not known to be a failure.
		 * @param callId call id it answers
		 * @param toolName tool name
		 * @param content a string or a list of content items
		 */
		public ToolResponse(String callId, String toolName, JsonNode content) {
			this(callId, toolName, content, false);
		}

	}

}
