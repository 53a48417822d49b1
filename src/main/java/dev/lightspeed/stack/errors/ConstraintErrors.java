package dev.lightspeed.stack.errors;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Turns Bean Validation violations into pydantic errors: the built-in constraints that
 * have a pydantic counterpart keep its type and text, every other constraint is a
 * validator's {@code value_error}.
 */
final class ConstraintErrors {

	private ConstraintErrors() {
	}

	static ValidationError of(ConstraintViolation<?> violation, Class<?> root, JsonNode body) {
		List<Object> loc = loc(violation.getPropertyPath(), root);
		JsonNode input = at(body, loc);
		Annotation annotation = violation.getConstraintDescriptor().getAnnotation();
		Object value = violation.getInvalidValue();
		if (annotation instanceof NotNull) {
			return new ValidationError("missing", loc, "Field required", input, null);
		}
		if (annotation instanceof Size size && value instanceof CharSequence text) {
			return (text.length() > size.max()) ? length("string_too_long", "String", "at most", size.max(), loc, input)
					: length("string_too_short", "String", "at least", size.min(), loc, input);
		}
		if (annotation instanceof Size size && value instanceof Collection<?> items) {
			boolean tooLong = items.size() > size.max();
			int limit = tooLong ? size.max() : size.min();
			String msg = "List should have " + (tooLong ? "at most " : "at least ") + limit + " item"
					+ ((limit == 1) ? "" : "s") + " after validation, not " + items.size();
			return new ValidationError(tooLong ? "too_long" : "too_short", loc, msg, input, Map.of("field_type", "List",
					tooLong ? "max_length" : "min_length", limit, "actual_length", items.size()));
		}
		if (annotation instanceof Min min) {
			return bound("greater_than_equal", "greater than or equal to", "ge", min.value(), loc, input);
		}
		if (annotation instanceof Max max) {
			return bound("less_than_equal", "less than or equal to", "le", max.value(), loc, input);
		}
		if (annotation instanceof Positive) {
			return bound("greater_than", "greater than", "gt", 0, loc, input);
		}
		if (annotation instanceof PositiveOrZero) {
			return bound("greater_than_equal", "greater than or equal to", "ge", 0, loc, input);
		}
		if (annotation instanceof Pattern pattern) {
			return new ValidationError("string_pattern_mismatch", loc,
					"String should match pattern '" + pattern.regexp() + "'", input,
					Map.of("pattern", pattern.regexp()));
		}
		return new ValidationError("value_error", loc, "Value error, " + violation.getMessage(), input,
				Map.of("error", Map.of()));
	}

	private static ValidationError length(String type, String what, String relation, int limit, List<Object> loc,
			JsonNode input) {
		String msg = what + " should have " + relation + " " + limit + " character" + ((limit == 1) ? "" : "s");
		return new ValidationError(type, loc, msg, input,
				Map.of(type.endsWith("long") ? "max_length" : "min_length", limit));
	}

	private static ValidationError bound(String type, String relation, String key, long limit, List<Object> loc,
			JsonNode input) {
		return new ValidationError(type, loc, "Input should be " + relation + " " + limit, input, Map.of(key, limit));
	}

	/**
	 * The pydantic location of a violation: {@code "body"}, then JSON names and indexes.
	 */
	static List<Object> loc(Path path, Class<?> root) {
		List<Object> loc = new ArrayList<>(List.of("body"));
		Class<?> current = root;
		for (Path.Node node : path) {
			if (node.getIndex() != null) {
				loc.add(node.getIndex());
			}
			else if (node.getKey() != null) {
				loc.add(String.valueOf(node.getKey()));
			}
			if (node.getName() == null || node.getKind() != jakarta.validation.ElementKind.PROPERTY) {
				continue;
			}
			RecordFields field = (current != null && current.isRecord()) ? RecordFields.named(current, node.getName())
					: null;
			loc.add((field != null) ? field.jsonName() : node.getName());
			current = (field != null) ? elementClass(field) : null;
		}
		return loc;
	}

	// The record a nested path continues in: the component's type or its element type.
	private static Class<?> elementClass(RecordFields field) {
		java.lang.reflect.Type type = field.component().getGenericType();
		if (type instanceof java.lang.reflect.ParameterizedType parameterized) {
			java.lang.reflect.Type[] arguments = parameterized.getActualTypeArguments();
			return BodyShape.rawClass(arguments[arguments.length - 1]);
		}
		return BodyShape.rawClass(type);
	}

	/** The submitted value at a location, JSON null when there is none. */
	static JsonNode at(JsonNode body, List<Object> loc) {
		JsonNode node = body;
		for (Object part : loc.subList(1, loc.size())) {
			JsonNode next = (part instanceof Integer index) ? node.get(index) : node.get(String.valueOf(part));
			if (next == null) {
				return JsonNodeFactory.instance.nullNode();
			}
			node = next;
		}
		return node;
	}

}
