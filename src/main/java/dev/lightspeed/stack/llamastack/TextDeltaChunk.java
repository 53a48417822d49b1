package dev.lightspeed.stack.llamastack;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import dev.lightspeed.stack.llamastack.TurnEvent.TextDelta;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the chunk that makes up nearly all of a turn stream, an inference step's text
 * delta, straight off its bytes when it is written exactly as Llama Stack writes it:
 * <pre>
 * {"event":{"payload":{"event_type":"step_progress","step_type":"inference","step_id":"…","delta":{"type":"text","text":"…"}}}}
 * </pre> compact, in that field order, nothing else in it. Any other chunk (another
 * event, step or delta, other fields, another spacing or order) is left to
 * {@link AgentTurnEvents}, which maps it from its JSON tree, so both give the same event
 * for every chunk; this only skips tokenizing, naming and building a tree for each of the
 * twenty-odd chunks of an answer. Text with escapes or non-ASCII characters is decoded by
 * the JSON parser, as it would be in the tree.
 */
final class TextDeltaChunk {

	private static final byte[] HEAD = ascii(
			"{\"event\":{\"payload\":{\"event_type\":\"step_progress\",\"step_type\":\"inference\",\"step_id\":\"");

	private static final byte[] DELTA = ascii("\",\"delta\":{\"type\":\"text\",\"text\":\"");

	private static final byte[] TAIL = ascii("\"}}}}");

	private TextDeltaChunk() {
	}

	/**
	 * The text delta of a chunk written exactly as Llama Stack writes one.
	 * @param json the mapper whose parser decodes text with escapes or non-ASCII
	 * characters
	 * @param data the chunk, UTF-8 JSON
	 * @return the delta, or null when the chunk is anything else
	 */
	static @Nullable TextDelta read(JsonMapper json, byte[] data) {
		if (!startsWith(data, 0, HEAD)) {
			return null;
		}
		int idEnd = plainStringEnd(data, HEAD.length);
		if (idEnd < 0 || !startsWith(data, idEnd, DELTA)) {
			return null;
		}
		int textStart = idEnd + DELTA.length;
		int plainEnd = plainStringEnd(data, textStart);
		int textEnd = (plainEnd >= 0) ? plainEnd : stringEnd(data, textStart);
		if (textEnd < 0 || data.length != textEnd + TAIL.length || !startsWith(data, textEnd, TAIL)) {
			return null;
		}
		String text = (plainEnd >= 0) ? new String(data, textStart, textEnd - textStart, StandardCharsets.US_ASCII)
				: decode(json, data, textStart - 1, textEnd + 1);
		return (text != null) ? new TextDelta(text) : null;
	}

	private static boolean startsWith(byte[] data, int offset, byte[] prefix) {
		return data.length - offset >= prefix.length
				&& Arrays.equals(data, offset, offset + prefix.length, prefix, 0, prefix.length);
	}

	/**
	 * Where the JSON string whose contents start at {@code from} ends (its closing
	 * quote), when it holds only printable ASCII and no escapes; -1 otherwise.
	 */
	private static int plainStringEnd(byte[] data, int from) {
		for (int i = from; i < data.length; i++) {
			byte b = data[i];
			if (b == '"') {
				return i;
			}
			if (b == '\\' || b < 0x20) {
				// an escape, a control character or (negative) a byte of a multi-byte one
				return -1;
			}
		}
		return -1;
	}

	/**
	 * Where the JSON string whose contents start at {@code from} ends, escapes and all.
	 */
	private static int stringEnd(byte[] data, int from) {
		for (int i = from; i < data.length; i++) {
			if (data[i] == '"') {
				return i;
			}
			if (data[i] == '\\') {
				i++;
			}
		}
		return -1;
	}

	/** The JSON string between the quotes at {@code open} and {@code close}, decoded. */
	private static @Nullable String decode(JsonMapper json, byte[] data, int open, int close) {
		try (JsonParser parser = json.createParser(data, open, close + 1 - open)) {
			return (parser.nextToken() == JsonToken.VALUE_STRING) ? parser.getString() : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}
