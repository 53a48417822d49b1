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
		catch (IOException | IllegalStateException ex) {
			// the client went away, the emitter already ended (timeout), or the response
			// failed in a way that is not I/O: nothing more can be written, and the
			// response must end now. Jetty sends no error notification for a failed
			// write, so without this the request stays active until the stream timeout,
			// and a graceful shutdown waits for it.
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
