package dev.lightspeed.stack.e2e;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Three independent readers of LCS's SSE dialect, each written from the description in
 * lcs-behavior §8 the way a different client would read it. A stream every one of them
 * reads the same way is one clients can rely on.
 */
final class SseParsers {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private SseParsers() {
	}

	/**
	 * Splits on blank lines; every block must be exactly one {@code data: } line (what a
	 * strict client expects).
	 */
	static List<JsonNode> strictBlocks(String body) {
		List<JsonNode> events = new ArrayList<>();
		if (!body.endsWith("\n\n")) {
			throw new IllegalStateException("stream does not end with a blank line");
		}
		for (String block : body.substring(0, body.length() - 2).split("\n\n", -1)) {
			if (block.contains("\n") || !block.startsWith("data: ")) {
				throw new IllegalStateException("not a single data line: " + block);
			}
			events.add(JSON.readTree(block.substring("data: ".length())));
		}
		return events;
	}

	/**
	 * Reads line by line and takes every line starting with {@code data:} (what a lenient
	 * client does).
	 */
	static List<JsonNode> lineBased(String body) {
		List<JsonNode> events = new ArrayList<>();
		for (String line : body.split("\n")) {
			if (line.startsWith("data:")) {
				events.add(JSON.readTree(line.substring(5).strip()));
			}
		}
		return events;
	}

	/**
	 * Follows the SSE specification's dispatch rules (fields, dispatch on a blank line)
	 * and rejects empty blocks, comments and any field other than {@code data}.
	 */
	static List<JsonNode> specCompliant(String body) {
		List<JsonNode> events = new ArrayList<>();
		StringBuilder data = null;
		for (String line : body.split("\n", -1)) {
			if (line.isEmpty()) {
				if (data != null) {
					events.add(JSON.readTree(data.toString()));
					data = null;
				}
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
