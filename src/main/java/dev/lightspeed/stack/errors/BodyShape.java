package dev.lightspeed.stack.errors;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a parsed body against a request record the way pydantic's lax JSON mode does:
 * required fields, JSON types, unknown fields. Collects every error and produces a copy
 * of the body that holds only valid, normalised values, so the rest can still be bound
 * and validated.
 */
final class BodyShape {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final List<ValidationError> errors = new ArrayList<>();

	private final List<ValidationError> extras = new ArrayList<>();

	private final Set<String> invalidFields = new HashSet<>();

	/**
	 * Checks a whole body.
	 * @param body the parsed body
	 * @param type the request record
	 * @return the normalised body, or null when it is not an object at all
	 */
	@Nullable ObjectNode check(JsonNode body, Class<?> type) {
		if (!body.isObject()) {
			this.errors.add(error("model_attributes_type", List.of("body"),
					"Input should be a valid dictionary or object to extract fields from", body, null));
			return null;
		}
		return record((ObjectNode) body, type, List.of("body"));
	}

	/** Errors in pydantic order: field errors, then unknown fields. */
	List<ValidationError> errors() {
		List<ValidationError> all = new ArrayList<>(this.errors);
		all.addAll(this.extras);
		return all;
	}

	/** JSON names of the top-level fields that already have an error. */
	Set<String> invalidFields() {
		return this.invalidFields;
	}

	private ObjectNode record(ObjectNode body, Class<?> type, List<Object> loc) {
		ObjectNode out = NODES.objectNode();
		List<RecordFields> fields = RecordFields.of(type);
		Set<String> names = new HashSet<>();
		for (RecordFields field : fields) {
			names.add(field.jsonName());
			List<Object> fieldLoc = append(loc, field.jsonName());
			JsonNode value = body.get(field.jsonName());
			int before = this.errors.size();
			if (value == null) {
				if (field.required()) {
					this.errors.add(error("missing", fieldLoc, "Field required", body, null));
				}
			}
			else if (value.isNull()) {
				if (field.required() || field.component().getType().isPrimitive()) {
					typeError(field.component().getGenericType(), fieldLoc, value);
				}
				else {
					out.set(field.jsonName(), value);
				}
			}
			else {
				JsonNode normalised = value(value, field.component().getGenericType(), fieldLoc);
				if (normalised != null) {
					out.set(field.jsonName(), normalised);
				}
			}
			if (this.errors.size() > before && loc.size() == 1) {
				this.invalidFields.add(field.jsonName());
			}
		}
		if (type.isAnnotationPresent(ForbidExtraFields.class)) {
			for (Map.Entry<String, JsonNode> entry : body.properties()) {
				if (!names.contains(entry.getKey())) {
					(loc.size() == 1 ? this.extras : this.errors).add(error("extra_forbidden",
							append(loc, entry.getKey()), "Extra inputs are not permitted", entry.getValue(), null));
				}
			}
		}
		return out;
	}

	// Returns the normalised value, or null after recording an error. Null is a type
	// error
	// here; record fields decide about null themselves.
	private @Nullable JsonNode value(JsonNode value, Type type, List<Object> loc) {
		Class<?> raw = rawClass(type);
		PydanticType kind = PydanticType.of(raw);
		if (kind.isContainerOf(value)) {
			int before = this.errors.size();
			JsonNode out = switch (kind) {
				case LIST -> list(value, type, loc);
				case MAP -> map(value, type, loc);
				default -> record((ObjectNode) value, raw, loc);
			};
			return (this.errors.size() > before) ? null : out;
		}
		JsonNode out = kind.scalar(value, raw);
		if (out == null) {
			typeError(type, loc, value);
		}
		return out;
	}

	private JsonNode list(JsonNode value, Type type, List<Object> loc) {
		Type element = typeArgument(type, 0);
		ArrayNode out = NODES.arrayNode();
		for (int i = 0; i < value.size(); i++) {
			JsonNode item = value(value.get(i), element, append(loc, i));
			out.add((item != null) ? item : NODES.nullNode());
		}
		return out;
	}

	private JsonNode map(JsonNode value, Type type, List<Object> loc) {
		Type valueType = typeArgument(type, 1);
		ObjectNode out = NODES.objectNode();
		for (Map.Entry<String, JsonNode> entry : value.properties()) {
			JsonNode item = value(entry.getValue(), valueType, append(loc, entry.getKey()));
			out.set(entry.getKey(), (item != null) ? item : NODES.nullNode());
		}
		return out;
	}

	private void typeError(Type type, List<Object> loc, JsonNode value) {
		Class<?> raw = rawClass(type);
		PydanticType.Failure failure = PydanticType.of(raw).failure(value, raw);
		this.errors.add(error(failure.type(), loc, failure.msg(), value, failure.ctx()));
	}

	private static ValidationError error(String type, List<Object> loc, String msg, JsonNode input,
			@Nullable Map<String, Object> ctx) {
		return new ValidationError(type, loc, msg, input, ctx);
	}

	private static List<Object> append(List<Object> loc, Object part) {
		List<Object> result = new ArrayList<>(loc);
		result.add(part);
		return result;
	}

	static Class<?> rawClass(Type type) {
		if (type instanceof Class<?> cls) {
			return cls;
		}
		if (type instanceof ParameterizedType parameterized) {
			return (Class<?>) parameterized.getRawType();
		}
		return Object.class;
	}

	private static Type typeArgument(Type type, int index) {
		if (type instanceof ParameterizedType parameterized && parameterized.getActualTypeArguments().length > index) {
			return parameterized.getActualTypeArguments()[index];
		}
		return Object.class;
	}

}
