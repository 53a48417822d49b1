package dev.lightspeed.stack.responses;

import java.util.List;

import dev.lightspeed.stack.errors.ApiException;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;

/**
 * Reads the parts of a Responses request this service looks into.
 */
final class ResponsesInput {

	private ResponsesInput() {
	}

	/**
	 * The text of an input: the string, or the text of its message items (string content
	 * or {@code input_text} parts), one per line.
	 */
	static String text(JsonNode input) {
		if (input.isString()) {
			return input.stringValue();
		}
		if (!input.isArray()) {
			throw ApiException.of(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid input",
					"input must be a string or a list of input items");
		}
		StringBuilder text = new StringBuilder();
		for (JsonNode item : input) {
			JsonNode content = item.path("content");
			if (content.isString()) {
				append(text, content.stringValue());
			}
			for (JsonNode part : content.isArray() ? content : List.<JsonNode>of()) {
				if (part.path("text").isString()) {
					append(text, part.path("text").stringValue());
				}
			}
		}
		return text.toString();
	}

	private static void append(StringBuilder text, String line) {
		if (!text.isEmpty()) {
			text.append('\n');
		}
		text.append(line);
	}

	static List<String> strings(JsonNode array) {
		return array.valueStream().map((value) -> value.asString("")).toList();
	}

}
