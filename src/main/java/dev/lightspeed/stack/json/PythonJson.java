package dev.lightspeed.stack.json;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.core.util.MinimalPrettyPrinter;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serializes like Python's {@code json.dumps} defaults: {@code ", "} and {@code ": "}
 * separators, non-ASCII escaped as {@code \\uXXXX}, no indentation. LCS 0.2.0 writes SSE
 * payloads, feedback and transcripts this way.
 */
public final class PythonJson {

	private static final ObjectWriter WRITER = JsonMapper.builder()
		.enable(JsonWriteFeature.ESCAPE_NON_ASCII)
		.disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
		.build()
		.writer()
		.with(new PythonPrettyPrinter());

	private PythonJson() {
	}

	/**
	 * Serializes a value.
	 * @param value records, maps, lists, JSON nodes or scalars
	 * @return the JSON text
	 */
	public static String write(Object value) {
		return WRITER.writeValueAsString(value);
	}

	private static final class PythonPrettyPrinter extends MinimalPrettyPrinter {

		@Override
		public void writeObjectNameValueSeparator(JsonGenerator g) {
			g.writeRaw(": ");
		}

		@Override
		public void writeObjectEntrySeparator(JsonGenerator g) {
			g.writeRaw(", ");
		}

		@Override
		public void writeArrayValueSeparator(JsonGenerator g) {
			g.writeRaw(", ");
		}

	}

}
