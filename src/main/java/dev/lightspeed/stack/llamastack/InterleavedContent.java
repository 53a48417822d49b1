package dev.lightspeed.stack.llamastack;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Llama Stack's {@code InterleavedContent} (a string, a content item or a list of items)
 * as plain text, the way LCS renders it everywhere: a string as is, a text item as its
 * text, an image item as {@code <image>}, a list as its items joined by one space, null
 * as {@code ""}.
 */
public final class InterleavedContent {

	private InterleavedContent() {
	}

	/**
	 * Flattens content to text.
	 * @param content a string, a content item, a list of items, null or missing
	 * @return the text
	 */
	public static String flatten(@Nullable JsonNode content) {
		if (content == null || content.isNull() || content.isMissingNode()) {
			return "";
		}
		if (content.isArray()) {
			List<String> parts = new ArrayList<>();
			for (JsonNode item : content) {
				parts.add(item(item));
			}
			return String.join(" ", parts);
		}
		return item(content);
	}

	private static String item(JsonNode item) {
		if (item.isString()) {
			return item.stringValue();
		}
		if (item.isObject()) {
			String type = item.path("type").stringValue("");
			if ("image".equals(type)) {
				return "<image>";
			}
			JsonNode text = item.path("text");
			return text.isString() ? text.stringValue() : "";
		}
		// Numbers and booleans do not occur in Llama Stack content; render them rather
		// than lose them.
		return (item.isNull() || item.isMissingNode()) ? "" : item.toString();
	}

}
