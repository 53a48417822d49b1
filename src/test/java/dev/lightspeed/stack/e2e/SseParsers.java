package dev.lightspeed.stack.e2e;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Four independent readers of LCS's SSE dialect, each reading the body as it arrives:
 * three written from the description in lcs-behavior §8 the way a different client would
 * read it, and the RHDH Lightspeed plugin's own (real-clients §1.4). A stream every one
 * of them reads the same way is one clients can rely on.
 */
final class SseParsers {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Every client's reader, by name. */
	static final Map<String, Parser> CLIENTS = Map.of("strict blocks", SseParsers::strictBlocks, "line based",
			SseParsers::lineBased, "rejecting empty blocks", SseParsers::rejectingEmptyBlocks, "RHDH plugin",
			SseParsers::rhdhPlugin);

	private SseParsers() {
	}

	/**
	 * A client's reader of an event stream.
	 */
	@FunctionalInterface
	interface Parser {

		List<JsonNode> read(InputStream in) throws IOException;

	}

	/**
	 * Splits on blank lines; every block must be exactly one {@code data: } line whose
	 * value is one whole JSON object (what a strict client expects).
	 */
	static List<JsonNode> strictBlocks(InputStream body) throws IOException {
		// buffered reads return what has arrived, they do not wait for a full buffer
		InputStream in = new BufferedInputStream(body);
		List<JsonNode> events = new ArrayList<>();
		ByteArrayOutputStream block = new ByteArrayOutputStream();
		int previous = -1;
		for (int b = in.read(); b != -1; b = in.read()) {
			if (b == '\n' && previous == '\n') {
				String text = block.toString(StandardCharsets.UTF_8);
				events.add(strictEvent(text.substring(0, text.length() - 1)));
				block.reset();
				previous = -1;
				continue;
			}
			block.write(b);
			previous = b;
		}
		if (block.size() > 0) {
			throw new IllegalStateException("stream does not end with a blank line: " + block);
		}
		return events;
	}

	private static JsonNode strictEvent(String block) {
		if (block.contains("\n") || !block.startsWith("data: ")) {
			throw new IllegalStateException("not a single data line: " + block);
		}
		JsonNode event = JSON.readTree(block.substring("data: ".length()));
		if (!event.isObject()) {
			throw new IllegalStateException("not a JSON object: " + block);
		}
		return event;
	}

	/**
	 * Splits a whole body the strict way.
	 */
	static List<JsonNode> strictBlocks(String body) {
		try {
			return strictBlocks(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Reads line by line and takes every line starting with {@code data:} (what a lenient
	 * client does).
	 */
	static List<JsonNode> lineBased(InputStream in) throws IOException {
		List<JsonNode> events = new ArrayList<>();
		BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
		for (String line = reader.readLine(); line != null; line = reader.readLine()) {
			if (line.startsWith("data:")) {
				events.add(JSON.readTree(line.substring(5).strip()));
			}
		}
		return events;
	}

	/**
	 * Follows the SSE specification's dispatch rules (fields, dispatch on a blank line)
	 * and rejects empty blocks (a blank line with no field before it), comments and any
	 * field other than {@code data}.
	 */
	static List<JsonNode> rejectingEmptyBlocks(InputStream in) throws IOException {
		List<JsonNode> events = new ArrayList<>();
		BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
		StringBuilder data = null;
		for (String line = reader.readLine(); line != null; line = reader.readLine()) {
			if (line.isEmpty()) {
				if (data == null) {
					throw new IllegalStateException("empty block after event " + events.size());
				}
				events.add(JSON.readTree(data.toString()));
				data = null;
				continue;
			}
			int colon = line.indexOf(':');
			if (colon <= 0) {
				throw new IllegalStateException("comment or field without a name: " + line);
			}
			String field = line.substring(0, colon);
			String value = line.substring(colon + 1);
			value = value.startsWith(" ") ? value.substring(1) : value;
			if (!field.equals("data")) {
				throw new IllegalStateException("unexpected field: " + field);
			}
			data = (data == null) ? new StringBuilder(value) : data.append('\n').append(value);
		}
		if (data != null) {
			throw new IllegalStateException("last event not terminated by a blank line");
		}
		return events;
	}

	/**
	 * What the RHDH Lightspeed plugin does (real-clients §1.4): decodes the body as it
	 * comes, splits it on {@code "\n\n"} keeping the last piece for later, and in each
	 * block takes the lines starting with {@code data:}, strips those five characters,
	 * trims them and joins them without a separator into one JSON text. Where the plugin
	 * shows "Invalid JSON received" (a block that does not parse, an empty one included)
	 * or silently drops what follows the last blank line, this reader fails.
	 */
	static List<JsonNode> rhdhPlugin(InputStream in) throws IOException {
		List<JsonNode> events = new ArrayList<>();
		InputStreamReader decoder = new InputStreamReader(in, StandardCharsets.UTF_8);
		StringBuilder buffer = new StringBuilder();
		char[] chunk = new char[4096];
		for (int n = decoder.read(chunk); n != -1; n = decoder.read(chunk)) {
			buffer.append(chunk, 0, n);
			for (int end = buffer.indexOf("\n\n"); end != -1; end = buffer.indexOf("\n\n")) {
				events.add(rhdhEvent(buffer.substring(0, end), events.size()));
				buffer.delete(0, end + 2);
			}
		}
		if (!buffer.isEmpty()) {
			throw new IllegalStateException("the plugin never parses what follows the last blank line: " + buffer);
		}
		return events;
	}

	private static JsonNode rhdhEvent(String block, int index) {
		StringBuilder json = new StringBuilder();
		for (String line : block.split("\n", -1)) {
			if (line.startsWith("data:")) {
				json.append(line.substring(5).strip());
			}
		}
		JsonNode event;
		try {
			event = JSON.readTree(json.toString());
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("Invalid JSON received in block " + index + ": " + block, ex);
		}
		// JSON.parse('') throws where Jackson reads nothing
		if (event == null || event.isMissingNode()) {
			throw new IllegalStateException("Invalid JSON received in block " + index + ": " + block);
		}
		return event;
	}

	/**
	 * Rebuilds the answer from the {@code token} events of the inference role.
	 */
	static String answer(List<JsonNode> events) {
		StringBuilder answer = new StringBuilder();
		for (JsonNode event : events) {
			if ("token".equals(event.path("event").asString())
					&& "inference".equals(event.path("data").path("role").asString())) {
				answer.append(event.path("data").path("token").asString());
			}
		}
		return answer.toString();
	}

	static List<String> names(List<JsonNode> events) {
		return events.stream().map((event) -> event.path("event").asString()).toList();
	}

}
