package dev.lightspeed.stack.llamastack;

import java.io.IOException;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link ResponseEvents} over a server-sent event body. Llama Stack 0.5 reports a failure
 * inside the stream as {@code {"error": {"status_code", "message"}}}, later versions as
 * an {@code error} event; both become an OpenAI {@code error} event.
 */
final class ResponseEventStream implements ResponseEvents {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final EventStream exchange;

	private final SseEventData data;

	private boolean ended;

	ResponseEventStream(EventStream exchange) {
		this.exchange = exchange;
		this.data = new SseEventData(exchange.body());
	}

	@Override
	public @Nullable ResponseEvent next() {
		while (!this.ended) {
			byte[] bytes = read();
			if (bytes == null) {
				this.ended = true;
				this.exchange.finished();
				return null;
			}
			JsonNode event;
			try {
				event = JSON.readTree(bytes);
			}
			catch (JacksonException ex) {
				continue;
			}
			if (event != null && event.isObject()) {
				return of((ObjectNode) event);
			}
		}
		return null;
	}

	private static ResponseEvent of(ObjectNode event) {
		if (event.path("type").isString()) {
			return new ResponseEvent(event.get("type").stringValue(), event);
		}
		JsonNode error = event.path("error");
		ObjectNode converted = JsonNodeFactory.instance.objectNode();
		converted.put("type", "error");
		converted.put("code", error.path("status_code").asString("500"));
		converted.put("message", error.path("message").asString(error.toString()));
		converted.putNull("param");
		return new ResponseEvent("error", converted);
	}

	private byte @Nullable [] read() {
		try {
			return this.data.next();
		}
		catch (IOException ex) {
			this.ended = true;
			this.exchange.close();
			throw UpstreamErrors.unavailable(ex);
		}
	}

	@Override
	public void close() {
		this.ended = true;
		this.exchange.close();
	}

}
