package dev.lightspeed.stack.clients;

import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JavaScript semantics the browser clients' code relies on, over Jackson trees: a
 * missing property is {@code undefined}, {@code ||} tests truthiness, {@code +=} on a
 * string converts with {@code String(x)}.
 */
final class Js {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private Js() {
	}

	/**
	 * {@code JSON.parse}: any JSON value, nothing else (an empty text is an error).
	 * @param text the text
	 * @return the value
	 * @throws SyntaxError when the text is not JSON
	 */
	static JsonNode parse(String text) {
		try {
			JsonNode value = JSON.readTree(text);
			if (value == null || value.isMissingNode()) {
				throw new SyntaxError("Unexpected end of JSON input");
			}
			return value;
		}
		catch (JacksonException ex) {
			throw new SyntaxError(ex.getOriginalMessage());
		}
	}

	/**
	 * {@code JSON.stringify} of a string.
	 */
	static String quote(String text) {
		return JSON.writeValueAsString(text);
	}

	/**
	 * {@code String(x)}, but null for {@code undefined}.
	 */
	static @Nullable String stringOrNull(JsonNode value) {
		return value.isMissingNode() ? null : string(value);
	}

	static boolean truthy(JsonNode value) {
		if (value.isMissingNode() || value.isNull()) {
			return false;
		}
		if (value.isBoolean()) {
			return value.booleanValue();
		}
		if (value.isNumber()) {
			return value.doubleValue() != 0 && !Double.isNaN(value.doubleValue());
		}
		return !value.isString() || !value.stringValue().isEmpty();
	}

	/**
	 * {@code a || b}.
	 */
	static JsonNode or(JsonNode value, JsonNode otherwise) {
		return truthy(value) ? value : otherwise;
	}

	/**
	 * {@code String(x)}, what {@code text += x} appends.
	 */
	static String string(JsonNode value) {
		if (value.isMissingNode()) {
			return "undefined";
		}
		if (value.isString()) {
			return value.stringValue();
		}
		if (value.isObject()) {
			return "[object Object]";
		}
		if (value.isArray()) {
			return value.valueStream()
				.map((item) -> item.isNull() ? "" : string(item))
				.collect(Collectors.joining(","));
		}
		return value.toString();
	}

	/**
	 * What {@code JSON.parse} throws.
	 */
	static final class SyntaxError extends RuntimeException {

		SyntaxError(String message) {
			super(message);
		}

	}

}
