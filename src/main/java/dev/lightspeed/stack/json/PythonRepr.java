package dev.lightspeed.stack.json;

import java.util.Iterator;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Renders JSON as Python's {@code repr} of the equivalent dict, list or scalar: LCS 0.2.0
 * prints shield violation metadata this way ({@code {'violation_type': 'S1'}}).
 */
public final class PythonRepr {

	private PythonRepr() {
	}

	/**
	 * Renders a value.
	 * @param node the value
	 * @return its Python repr
	 */
	public static String of(JsonNode node) {
		StringBuilder out = new StringBuilder();
		append(out, node);
		return out.toString();
	}

	private static void append(StringBuilder out, JsonNode node) {
		if (node.isObject()) {
			out.append('{');
			Iterator<Map.Entry<String, JsonNode>> entries = node.properties().iterator();
			while (entries.hasNext()) {
				Map.Entry<String, JsonNode> entry = entries.next();
				appendString(out, entry.getKey());
				out.append(": ");
				append(out, entry.getValue());
				if (entries.hasNext()) {
					out.append(", ");
				}
			}
			out.append('}');
		}
		else if (node.isArray()) {
			out.append('[');
			for (int i = 0; i < node.size(); i++) {
				if (i > 0) {
					out.append(", ");
				}
				append(out, node.get(i));
			}
			out.append(']');
		}
		else if (node.isString()) {
			appendString(out, node.asString());
		}
		else if (node.isBoolean()) {
			out.append(node.asBoolean() ? "True" : "False");
		}
		else if (node.isNull() || node.isMissingNode()) {
			out.append("None");
		}
		else if (node.isFloatingPointNumber()) {
			out.append(Double.toString(node.asDouble()));
		}
		else {
			out.append(node.asString());
		}
	}

	// Python prefers single quotes and switches to double quotes only when that avoids
	// escaping.
	private static void appendString(StringBuilder out, String value) {
		char quote = (value.indexOf('\'') >= 0 && value.indexOf('"') < 0) ? '"' : '\'';
		out.append(quote);
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c == quote) {
						out.append('\\').append(c);
					}
					else if (c < 0x20 || c == 0x7f) {
						out.append(String.format("\\x%02x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append(quote);
	}

}
