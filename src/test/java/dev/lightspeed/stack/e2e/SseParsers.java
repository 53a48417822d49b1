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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Three independent readers of LCS's SSE dialect, each written from the description in
 * lcs-behavior §8 the way a different client would read it, each reading the body as it
 * arrives. A stream every one of them reads the same way is one clients can rely on.
 */
final class SseParsers {

	private static final JsonMapper JSON = JsonMapper.builder().build();

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
