package dev.lightspeed.stack.responses;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/**
 * Writes OpenAI's SSE framing, on purpose not {@code /v1/streaming_query}'s: an
 * {@code event:} line with the event's type, its JSON on one {@code data:} line, a blank
 * line; {@code data: [DONE]} at the end. Each event is flushed whole.
 */
final class ResponsesSse {

	private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ResponseBodyEmitter emitter;

	private boolean completed;

	ResponsesSse(ResponseBodyEmitter emitter) {
		this.emitter = emitter;
	}

	void event(String type, JsonNode data) {
		write("event: " + type + "\ndata: " + JSON.writeValueAsString(data) + "\n\n");
	}

	void done() {
		write("data: [DONE]\n\n");
		complete();
	}

	void complete() {
		if (!this.completed) {
			this.completed = true;
			this.emitter.complete();
		}
	}

	private void write(String text) {
		try {
			this.emitter.send(text, TEXT);
		}
		catch (IOException | IllegalStateException ex) {
			// the client left: end the response now, not at the stream timeout
			if (!this.completed) {
				this.completed = true;
				this.emitter.completeWithError(ex);
			}
			throw new ClientGone(ex);
		}
	}

	/**
	 * The client is gone.
	 */
	static final class ClientGone extends RuntimeException {

		ClientGone(Throwable cause) {
			super("client disconnected", cause);
		}

	}

}
