package dev.lightspeed.stack.json;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Parses a Python literal (what {@code ast.literal_eval} accepts for dicts, lists,
 * tuples, strings, numbers, {@code None}, {@code True} and {@code False}) into JSON.
 * Llama Stack prints RAG chunk metadata this way.
 */
public final class PythonLiteral {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final String text;

	private int pos;

	private PythonLiteral(String text) {
		this.text = text;
	}

	/**
	 * Parses a literal.
	 * @param text the literal
	 * @return the value
	 * @throws IllegalArgumentException when the text is not a literal
	 */
	public static JsonNode parse(String text) {
		PythonLiteral parser = new PythonLiteral(text);
		JsonNode value = parser.value();
		parser.skipSpace();
		if (parser.pos != text.length()) {
			throw parser.error("trailing text");
		}
		return value;
	}

	private JsonNode value() {
		skipSpace();
		if (this.pos >= this.text.length()) {
			throw error("unexpected end");
		}
		char c = this.text.charAt(this.pos);
		return switch (c) {
			case '{' -> dict();
			case '[' -> sequence(']');
			case '(' -> sequence(')');
			case '\'', '"' -> NODES.stringNode(string());
			default -> scalar();
		};
	}

	private ObjectNode dict() {
		ObjectNode object = NODES.objectNode();
		this.pos++;
		while (!consume('}')) {
			JsonNode key = value();
			if (!key.isString()) {
				throw error("dict keys must be strings");
			}
			expect(':');
			object.set(key.asString(), value());
			if (!consume(',')) {
				expect('}');
				break;
			}
		}
		return object;
	}

	private ArrayNode sequence(char close) {
		ArrayNode array = NODES.arrayNode();
		this.pos++;
		while (!consume(close)) {
			array.add(value());
			if (!consume(',')) {
				expect(close);
				break;
			}
		}
		return array;
	}

	private String string() {
		char quote = this.text.charAt(this.pos++);
		StringBuilder out = new StringBuilder();
		while (this.pos < this.text.length()) {
			char c = this.text.charAt(this.pos++);
			if (c == quote) {
				return out.toString();
			}
			if (c != '\\') {
				out.append(c);
				continue;
			}
			if (this.pos >= this.text.length()) {
				break;
			}
			char escaped = this.text.charAt(this.pos++);
			switch (escaped) {
				case 'n' -> out.append('\n');
				case 't' -> out.append('\t');
				case 'r' -> out.append('\r');
				case 'x' -> out.append(hex(2));
				case 'u' -> out.append(hex(4));
				default -> out.append(escaped);
			}
		}
		throw error("unterminated string");
	}

	private char hex(int digits) {
		if (this.pos + digits > this.text.length()) {
			throw error("bad escape");
		}
		char value = (char) Integer.parseInt(this.text.substring(this.pos, this.pos + digits), 16);
		this.pos += digits;
		return value;
	}

	private JsonNode scalar() {
		int start = this.pos;
		while (this.pos < this.text.length() && ",:}])".indexOf(this.text.charAt(this.pos)) < 0
				&& !Character.isWhitespace(this.text.charAt(this.pos))) {
			this.pos++;
		}
		String word = this.text.substring(start, this.pos);
		return switch (word) {
			case "None" -> NODES.nullNode();
			case "True" -> NODES.booleanNode(true);
			case "False" -> NODES.booleanNode(false);
			default -> number(word);
		};
	}

	private JsonNode number(String word) {
		try {
			if (word.matches("[-+]?\\d+")) {
				long value = Long.parseLong(word);
				return (value == (int) value) ? NODES.numberNode((int) value) : NODES.numberNode(value);
			}
			return NODES.numberNode(Double.parseDouble(word));
		}
		catch (NumberFormatException ex) {
			throw error("not a literal: " + word);
		}
	}

	private boolean consume(char c) {
		skipSpace();
		if (this.pos < this.text.length() && this.text.charAt(this.pos) == c) {
			this.pos++;
			return true;
		}
		return false;
	}

	private void expect(char c) {
		if (!consume(c)) {
			throw error("expected '" + c + "'");
		}
	}

	private void skipSpace() {
		while (this.pos < this.text.length() && Character.isWhitespace(this.text.charAt(this.pos))) {
			this.pos++;
		}
	}

	private IllegalArgumentException error(String what) {
		return new IllegalArgumentException(what + " at offset " + this.pos);
	}

}
