package dev.lightspeed.stack.errors;

import java.util.List;
import java.util.Map;

import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Parses a request body as JSON and reports malformed text as pydantic's
 * {@code json_invalid}, naming the character offset and a message close to Python's
 * {@code json} module. Nesting deeper than the limit is {@code json_invalid} too, found
 * as the parser reaches it, before any tree is built.
 */
final class JsonBodyParser {

	private final JsonMapper mapper;

	private final int maxDepth;

	JsonBodyParser(int maxDepth) {
		this.maxDepth = maxDepth;
		this.mapper = JsonMapper
			.builder(JsonFactory.builder()
				.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxDepth).build())
				.build())
			.build();
	}

	JsonNode parse(String text) {
		JsonNode node = null;
		try (JsonParser parser = this.mapper.createParser(text)) {
			try {
				// One value first, so that anything after it is reported as Python does.
				node = this.mapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(parser);
			}
			catch (StreamConstraintsException ex) {
				throw invalid(offset(parser.currentLocation().getCharOffset(), text),
						"Nesting deeper than " + this.maxDepth + " levels");
			}
			if (node == null || node.isMissingNode()) {
				throw invalid(text.length(), "Expecting value");
			}
			if (parser.nextToken() != null) {
				throw invalid((int) parser.currentTokenLocation().getCharOffset(), "Extra data");
			}
			return node;
		}
		catch (StreamReadException ex) {
			// Jackson's offsets are Python's: the position of the offending character.
			long offset = (ex.getLocation() != null) ? ex.getLocation().getCharOffset() : -1;
			throw invalid(offset(offset, text), (node != null) ? "Extra data" : pythonMessage(ex));
		}
	}

	private static int offset(long offset, String text) {
		return (int) ((offset < 0) ? text.length() : Math.min(offset, text.length()));
	}

	private static String pythonMessage(StreamReadException ex) {
		String message = String.valueOf(ex.getOriginalMessage());
		if (message.contains("double-quote to start") || message.contains("close marker for Object")) {
			return "Expecting property name enclosed in double quotes";
		}
		if (message.contains("was expecting a colon")) {
			return "Expecting ':' delimiter";
		}
		if (message.contains("was expecting comma")) {
			return "Expecting ',' delimiter";
		}
		if (message.contains("in a String value") || message.contains("in VALUE_STRING")
				|| message.contains("in property name")) {
			return "Unterminated string starting at";
		}
		if (message.contains("Illegal unquoted character")) {
			return "Invalid control character at";
		}
		return "Expecting value";
	}

	private static RequestValidationException invalid(int offset, String message) {
		return new RequestValidationException(List.of(new ValidationError("json_invalid", List.of("body", offset),
				"JSON decode error", JsonNodeFactory.instance.objectNode(), Map.of("error", message))));
	}

}
