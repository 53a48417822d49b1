package dev.lightspeed.stack.responses;

import dev.lightspeed.stack.errors.ApiException;
import dev.lightspeed.stack.llamastack.LlamaStackApiException;
import dev.lightspeed.stack.llamastack.LlamaStackResponses;
import dev.lightspeed.stack.llamastack.LlamaStackUnavailableException;
import dev.lightspeed.stack.llamastack.Refusals;
import dev.lightspeed.stack.llamastack.ResponseEvent;
import dev.lightspeed.stack.llamastack.ResponseEvents;
import dev.lightspeed.stack.llamastack.TurnEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Asks Llama Stack for a prepared response and hands it to the client, whole or as it
 * streams, with this service's conversation id in place of Llama Stack's; then records
 * it. A refused input is answered with the shield's message, as a response of its own,
 * and added to the conversation.
 */
@Component
class ResponsesRelay {

	private static final Logger logger = LoggerFactory.getLogger(ResponsesRelay.class);

	private final LlamaStackResponses responses;

	private final ResponsesRecords records;

	ResponsesRelay(LlamaStackResponses responses, ResponsesRecords records) {
		this.responses = responses;
		this.records = records;
	}

	JsonNode whole(PreparedResponse prepared) {
		TurnEvent.Violation refusal = prepared.refusal();
		if (refusal != null) {
			refuse(prepared, refusal);
			return ResponsesObjects.refusal(prepared, refusal.userMessage(), "completed");
		}
		JsonNode answered;
		try {
			answered = Refusals.asBadRequest("Unable to get a response", () -> this.responses.respond(prepared.body()));
		}
		catch (LlamaStackUnavailableException ex) {
			this.records.failed();
			throw ex;
		}
		this.records.started(prepared);
		if (!answered.isObject()) {
			throw ApiException.of(HttpStatus.BAD_GATEWAY, "Invalid reply from Llama Stack",
					"POST /v1/responses answered no response object");
		}
		ObjectNode response = (ObjectNode) answered;
		TurnEvent.TurnCompleted completion = LlamaStackResponses.completion(response);
		ResponsesObjects.adapt(response, prepared, completion.outputText());
		this.records.answered(prepared, completion.outputText(), completion.usage());
		return response;
	}

	/**
	 * Opens the stream upstream; a failure here is still an ordinary error answer.
	 */
	ResponseEvents open(PreparedResponse prepared) {
		try {
			ResponseEvents events = this.responses.stream(prepared.body());
			this.records.started(prepared);
			return events;
		}
		catch (LlamaStackUnavailableException ex) {
			this.records.failed();
			throw ex;
		}
		catch (LlamaStackApiException ex) {
			if (ex.upstreamStatus() >= 400 && ex.upstreamStatus() < 500) {
				throw ApiException.of(HttpStatus.BAD_REQUEST, "Unable to get a response",
						"Llama Stack refused it: " + ex.getMessage());
			}
			throw ex;
		}
	}

	/**
	 * Relays the events until the first terminal one, then {@code [DONE]}.
	 */
	void stream(PreparedResponse prepared, ResponseEvents events, ResponsesSse out) {
		try (events) {
			for (ResponseEvent event = events.next(); event != null; event = events.next()) {
				ObjectNode data = event.data();
				JsonNode response = data.path("response");
				String outputText = "";
				if (response.isObject()) {
					outputText = event.terminal() ? LlamaStackResponses.completion(response).outputText() : "";
					ResponsesObjects.adapt((ObjectNode) response, prepared, outputText);
				}
				out.event(event.type(), data);
				if (event.terminal()) {
					finished(prepared, event, response);
					break;
				}
			}
		}
		catch (LlamaStackUnavailableException ex) {
			this.records.failed();
			logger.warn("The response stream broke off ({}): {}", ex.status().value(), ex.getMessage());
			out.event("error", ResponsesObjects.error(String.valueOf(ex.status().value()), ex.getMessage()));
		}
		out.done();
	}

	private void finished(PreparedResponse prepared, ResponseEvent event, JsonNode response) {
		if ("error".equals(event.type()) || "response.failed".equals(event.type())) {
			logger.warn("Llama Stack ended the response with {}: {}", event.type(), event.data());
			return;
		}
		TurnEvent.TurnCompleted completion = LlamaStackResponses.completion(response);
		this.records.answered(prepared, completion.outputText(), completion.usage());
	}

	/**
	 * Streams a refusal as LCS does: created, the message added and done, completed.
	 */
	void streamRefusal(PreparedResponse prepared, TurnEvent.Violation refusal, ResponsesSse out) {
		refuse(prepared, refusal);
		ObjectNode message = ResponsesObjects.message(refusal.userMessage());
		out.event("response.created", ResponsesObjects.withResponse(ResponsesObjects.event("response.created", 0),
				ResponsesObjects.refusal(prepared, refusal.userMessage(), "in_progress")));
		ObjectNode added = ResponsesObjects.event("response.output_item.added", 1);
		added.put("output_index", 0);
		added.set("item", message);
		out.event("response.output_item.added", added);
		ObjectNode done = ResponsesObjects.event("response.output_item.done", 2);
		done.put("output_index", 0);
		done.set("item", message);
		out.event("response.output_item.done", done);
		out.event("response.completed", ResponsesObjects.withResponse(ResponsesObjects.event("response.completed", 3),
				ResponsesObjects.refusal(prepared, refusal.userMessage(), "completed")));
		out.done();
	}

	private void refuse(PreparedResponse prepared, TurnEvent.Violation refusal) {
		PreparedResponse.Conversation conversation = prepared.conversation();
		this.records.started(prepared);
		if (conversation != null) {
			this.responses.addTurn(conversation.upstreamId(), prepared.question(), refusal.userMessage());
		}
		this.records.refused(prepared, refusal.userMessage());
	}

}
