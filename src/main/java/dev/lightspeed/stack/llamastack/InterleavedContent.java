package dev.lightspeed.stack.llamastack;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Llama Stack's interleaved content: a string, a content item ({@code text} or
 * {@code image}), or a list of them.
 */
public final class InterleavedContent {

	private InterleavedContent() {
	}

	/**
	 * Flattens content to text as LCS does: a string as is, a text item as its text, an
	 * image as {@code <image>}, a list as its items joined by one space, null as an empty
	 * string.
	 * @param content the content
	 * @return the text
	 */
	public static String flatten(@Nullable JsonNode content) {
		if (content == null || content.isNull() || content.isMissingNode()) {
			return "";
		}
		if (content.isString()) {
			return content.asString();
		}
		if (content.isArray()) {
			List<String> parts = new ArrayList<>();
			content.values().forEach((item) -> parts.add(flatten(item)));
			return String.join(" ", parts);
		}
		if (content.isObject()) {
			String type = content.path("type").asString("");
			if ("text".equals(type)) {
				return content.path("text").asString("");
			}
			if ("image".equals(type)) {
				return "<image>";
			}
		}
		return "";
	}

}
