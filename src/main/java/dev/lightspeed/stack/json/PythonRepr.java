package dev.lightspeed.stack.json;

import java.math.BigDecimal;
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

	/**
	 * Renders a float as Python's {@code repr} does: the shortest digits that read back
	 * as the same value, positional from 1e-4 up to below 1e16 ({@code 8.0},
	 * {@code 0.0001}, {@code 1000000.0}), otherwise with an exponent of at least two
	 * digits ({@code 1e-05}, {@code 1.5e+16}); {@code inf}, {@code nan}.
	 * @param value the value
	 * @return its Python repr
	 */
	public static String of(double value) {
		if (Double.isNaN(value)) {
			return "nan";
		}
		if (Double.isInfinite(value)) {
			return (value > 0) ? "inf" : "-inf";
		}
		String sign = (Double.doubleToRawLongBits(value) < 0) ? "-" : "";
		if (value == 0) {
			return sign + "0.0";
		}
		// Java's Double.toString has the same shortest digits, in another layout
		BigDecimal decimal = new BigDecimal(Double.toString(Math.abs(value))).stripTrailingZeros();
		String digits = decimal.unscaledValue().toString();
		int point = digits.length() - decimal.scale();
		if (point > -4 && point <= 16) {
			if (point <= 0) {
				return sign + "0." + "0".repeat(-point) + digits;
			}
			if (point >= digits.length()) {
				return sign + digits + "0".repeat(point - digits.length()) + ".0";
			}
			return sign + digits.substring(0, point) + "." + digits.substring(point);
		}
		String mantissa = (digits.length() == 1) ? digits : digits.charAt(0) + "." + digits.substring(1);
		int exponent = point - 1;
		return sign + mantissa + "e" + ((exponent < 0) ? "-" : "+") + String.format("%02d", Math.abs(exponent));
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
			out.append(of(node.asDouble()));
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
