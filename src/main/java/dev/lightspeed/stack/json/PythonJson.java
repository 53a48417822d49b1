package dev.lightspeed.stack.json;

import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.core.util.Separators.Spacing;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serializes as Python's {@code json.dumps} does, non-ASCII escaped as {@code \\uXXXX}:
 * with its default {@code ", "} and {@code ": "} separators on one line (LCS 0.2.0 writes
 * SSE payloads, feedback and transcripts this way), or with {@code indent=4} (the
 * configuration dump).
 */
public final class PythonJson {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(JsonWriteFeature.ESCAPE_NON_ASCII)
		.disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
		.build();

	// empty containers are {} and [] in both layouts, as Python writes them
	private static final Separators PYTHON = Separators.createDefaultInstance()
		.withObjectNameValueSpacing(Spacing.AFTER)
		.withObjectEmptySeparator("")
		.withArrayEmptySeparator("");

	private static final ObjectWriter ONE_LINE = MAPPER.writer()
		.with(new DefaultPrettyPrinter(
				PYTHON.withObjectEntrySpacing(Spacing.AFTER).withArrayElementSpacing(Spacing.AFTER))
			.withObjectIndenter(DefaultPrettyPrinter.NopIndenter.instance())
			.withArrayIndenter(DefaultPrettyPrinter.NopIndenter.instance()));

	private static final ObjectWriter INDENTED = MAPPER.writer()
		.with(new DefaultPrettyPrinter(
				PYTHON.withObjectEntrySpacing(Spacing.NONE).withArrayElementSpacing(Spacing.NONE))
			.withObjectIndenter(new DefaultIndenter("    ", "\n"))
			.withArrayIndenter(new DefaultIndenter("    ", "\n")));

	private PythonJson() {
	}

	/**
	 * Serializes a value as {@code json.dumps(value)} does.
	 * @param value records, maps, lists, JSON nodes or scalars
	 * @return the JSON text
	 */
	public static String write(Object value) {
		return ONE_LINE.writeValueAsString(value);
	}

	/**
	 * Serializes a value as {@code json.dumps(value, indent=4)} does.
	 * @param value records, maps, lists, JSON nodes or scalars
	 * @return the JSON text
	 */
	public static String writeIndented(Object value) {
		return INDENTED.writeValueAsString(value);
	}

}
