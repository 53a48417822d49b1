package dev.lightspeed.stack.query;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.lightspeed.stack.json.PythonJson;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/**
 * Writes LCS's SSE dialect: exactly {@code data: <json>\n\n} per event, each flushed
 * whole; no {@code event:}, {@code id:} or comment lines. Spring's {@code SseEmitter}
 * would write {@code data:} without the space.
 */
final class SseWriter {

	private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

	private final ResponseBodyEmitter emitter;

	private boolean completed;

	SseWriter(ResponseBodyEmitter emitter) {
		this.emitter = emitter;
	}

	void send(Map<String, Object> event) {
		try {
			this.emitter.send("data: " + PythonJson.write(event) + "\n\n", TEXT);
		}
		catch (IOException ex) {
			// the client went away: the container ends the response
			throw new ClientGoneException(ex);
		}
		catch (IllegalStateException ex) {
			// the emitter already ended (timeout, disconnect), or the response failed in
			// a way that is not I/O: either way nothing more can be written, and the
			// response must end now, not at the stream timeout
			if (!this.completed) {
				this.completed = true;
				this.emitter.completeWithError(ex);
			}
			throw new ClientGoneException(ex);
		}
	}

	/**
	 * Ends the response; once, however often it is called.
	 */
	void complete() {
		if (!this.completed) {
			this.completed = true;
			this.emitter.complete();
		}
	}

	/**
	 * The client is gone (disconnected, or the stream timed out).
	 */
	static final class ClientGoneException extends RuntimeException {

		ClientGoneException(Throwable cause) {
			super("client disconnected", cause);
		}

	}

}
