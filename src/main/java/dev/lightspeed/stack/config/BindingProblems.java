package dev.lightspeed.stack.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;

/**
 * Handles what binding meets but the records do not describe: unknown keys are skipped
 * and remembered by key path (LCS 0.2.0 ignores them silently; we warn), and YAML 1.1
 * booleans ({@code yes}, {@code on}, ...) that PyYAML and pydantic accept are read as
 * booleans although YAML 1.2 sees strings.
 */
final class BindingProblems extends DeserializationProblemHandler {

	private static final Set<String> TRUE = Set.of("yes", "y", "on", "t", "1");

	private static final Set<String> FALSE = Set.of("no", "n", "off", "f", "0");

	private final List<String> unknownKeys = new ArrayList<>();

	List<String> unknownKeys() {
		return List.copyOf(this.unknownKeys);
	}

	@Override
	public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, ValueDeserializer<?> deserializer,
			Object beanOrClass, String propertyName) {
		this.unknownKeys.add(keyPath(p, propertyName));
		p.skipChildren();
		return true;
	}

	@Override
	public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String valueToConvert,
			String failureMsg) {
		if (targetType == Boolean.class || targetType == boolean.class) {
			String value = valueToConvert.trim().toLowerCase(Locale.ROOT);
			if (TRUE.contains(value)) {
				return Boolean.TRUE;
			}
			if (FALSE.contains(value)) {
				return Boolean.FALSE;
			}
		}
		return NOT_HANDLED;
	}

	// The parser stands on the unknown key's value; when that value is a mapping or a
	// list, the parser has already entered it.
	private static String keyPath(JsonParser p, String propertyName) {
		TokenStreamContext object = p.streamReadContext();
		if (p.currentToken() != null && p.currentToken().isStructStart()) {
			object = object.getParent();
		}
		StringBuilder result = new StringBuilder();
		TokenStreamContext container = object.getParent();
		if (container != null) {
			for (String segment : container.pathAsPointer().toString().split("/")) {
				if (!segment.isEmpty()) {
					appendSegment(result, segment.replace("~1", "/").replace("~0", "~"));
				}
			}
		}
		return result.isEmpty() ? propertyName : result + "." + propertyName;
	}

	private static void appendSegment(StringBuilder path, String segment) {
		if (segment.matches("\\d+")) {
			path.append('[').append(segment).append(']');
		}
		else {
			if (!path.isEmpty()) {
				path.append('.');
			}
			path.append(segment);
		}
	}

}
