package dev.lightspeed.stack.errors;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * How a Java type is checked: the JSON pydantic's lax mode accepts for the matching
 * Python type, and the error it gives otherwise.
 */
enum PydanticType {

	STRING, INTEGER, BOOLEAN, NUMBER, ENUM, LIST, MAP, RECORD, ANY;

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final JsonMapper PLAIN = JsonMapper.builder().build();

	private static final Set<String> TRUE = Set.of("1", "on", "t", "true", "y", "yes");

	private static final Set<String> FALSE = Set.of("0", "off", "f", "false", "n", "no");

	static PydanticType of(Class<?> type) {
		if (type == String.class || type == Character.class || type == char.class) {
			return STRING;
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class
				|| type == Short.class || type == short.class || type == BigInteger.class) {
			return INTEGER;
		}
		if (type == Boolean.class || type == boolean.class) {
			return BOOLEAN;
		}
		if (type == Double.class || type == double.class || type == Float.class || type == float.class
				|| type == BigDecimal.class) {
			return NUMBER;
		}
		if (type.isEnum()) {
			return ENUM;
		}
		if (Collection.class.isAssignableFrom(type)) {
			return LIST;
		}
		if (Map.class.isAssignableFrom(type) || type == tools.jackson.databind.node.ObjectNode.class) {
			return MAP;
		}
		return type.isRecord() ? RECORD : ANY;
	}

	boolean isContainerOf(JsonNode value) {
		return switch (this) {
			case LIST -> value.isArray();
			case MAP, RECORD -> value.isObject();
			default -> false;
		};
	}

	/**
	 * The normalised scalar, or null when pydantic would reject it.
	 */
	@Nullable JsonNode scalar(JsonNode value, Class<?> type) {
		return switch (this) {
			case STRING -> value.isString() ? value : null;
			case INTEGER -> (range(integer(value), type) == 0) ? integer(value) : null;
			case BOOLEAN -> bool(value);
			case NUMBER -> number(value);
			case ENUM -> enumValues(type).contains(value.isString() ? value.asString() : null) ? value : null;
			case ANY -> value;
			default -> null;
		};
	}

	Failure failure(JsonNode value, Class<?> type) {
		return switch (this) {
			case STRING -> new Failure("string_type", "Input should be a valid string", null);
			case INTEGER -> integerFailure(value, type);
			case BOOLEAN -> (value.isString() || value.isNumber())
					? new Failure("bool_parsing", "Input should be a valid boolean, unable to interpret input", null)
					: new Failure("bool_type", "Input should be a valid boolean", null);
			case NUMBER ->
				value.isString()
						? new Failure("float_parsing",
								"Input should be a valid number, unable to parse string as a number", null)
						: new Failure("float_type", "Input should be a valid number", null);
			case ENUM -> {
				String expected = expected(enumValues(type));
				yield new Failure("enum", "Input should be " + expected, Map.of("expected", expected));
			}
			case LIST -> Set.class.isAssignableFrom(type) ? new Failure("set_type", "Input should be a valid set", null)
					: new Failure("list_type", "Input should be a valid list", null);
			case MAP -> new Failure("dict_type", "Input should be a valid dictionary", null);
			case RECORD ->
				new Failure("model_type", "Input should be a valid dictionary or instance of " + type.getSimpleName(),
						Map.of("class_name", type.getSimpleName()));
			case ANY -> new Failure("value_error", "Value error, invalid value", Map.of("error", Map.of()));
		};
	}

	private static @Nullable JsonNode integer(JsonNode value) {
		if (value.isIntegralNumber()) {
			return value;
		}
		if (value.isFloatingPointNumber()) {
			BigDecimal decimal = value.decimalValue();
			return (decimal.stripTrailingZeros().scale() <= 0) ? NODES.numberNode(decimal.toBigInteger()) : null;
		}
		if (value.isBoolean()) {
			return NODES.numberNode(value.booleanValue() ? 1 : 0);
		}
		if (value.isString()) {
			try {
				return NODES.numberNode(new BigInteger(value.asString().strip().replace("_", "")));
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return null;
	}

	// Python's int has no bounds, the Java field has: beyond them, the error of a
	// pydantic
	// bound (le, ge) rather than a 500 when the record is bound
	private static int range(@Nullable JsonNode integral, Class<?> type) {
		if (integral == null) {
			return 0;
		}
		BigInteger value = integral.bigIntegerValue();
		BigInteger[] bounds = bounds(type);
		if (bounds.length == 0) {
			return 0;
		}
		return (value.compareTo(bounds[1]) > 0) ? 1 : ((value.compareTo(bounds[0]) < 0) ? -1 : 0);
	}

	private static BigInteger[] bounds(Class<?> type) {
		if (type == Integer.class || type == int.class) {
			return new BigInteger[] { BigInteger.valueOf(Integer.MIN_VALUE), BigInteger.valueOf(Integer.MAX_VALUE) };
		}
		if (type == Long.class || type == long.class) {
			return new BigInteger[] { BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE) };
		}
		if (type == Short.class || type == short.class) {
			return new BigInteger[] { BigInteger.valueOf(Short.MIN_VALUE), BigInteger.valueOf(Short.MAX_VALUE) };
		}
		return new BigInteger[0];
	}

	private static Failure integerFailure(JsonNode value, Class<?> type) {
		int range = range(integer(value), type);
		if (range != 0) {
			BigInteger bound = bounds(type)[(range > 0) ? 1 : 0];
			return (range > 0)
					? new Failure("less_than_equal", "Input should be less than or equal to " + bound,
							Map.of("le", bound))
					: new Failure("greater_than_equal", "Input should be greater than or equal to " + bound,
							Map.of("ge", bound));
		}
		if (value.isFloatingPointNumber()) {
			return new Failure("int_from_float", "Input should be a valid integer, got a number with a fractional part",
					null);
		}
		if (value.isString()) {
			return new Failure("int_parsing", "Input should be a valid integer, unable to parse string as an integer",
					null);
		}
		return new Failure("int_type", "Input should be a valid integer", null);
	}

	private static @Nullable JsonNode bool(JsonNode value) {
		if (value.isBoolean()) {
			return value;
		}
		String text = value.isString() ? value.asString().strip().toLowerCase(Locale.ROOT)
				: value.isNumber() ? value.decimalValue().stripTrailingZeros().toPlainString() : null;
		if (text == null) {
			return null;
		}
		if (TRUE.contains(text)) {
			return NODES.booleanNode(true);
		}
		return FALSE.contains(text) ? NODES.booleanNode(false) : null;
	}

	private static @Nullable JsonNode number(JsonNode value) {
		if (value.isNumber()) {
			return value;
		}
		if (value.isString()) {
			try {
				return NODES.numberNode(Double.parseDouble(value.asString().strip()));
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return null;
	}

	// The wire names of an enum's constants, as Jackson writes them.
	private static List<String> enumValues(Class<?> type) {
		List<String> values = new ArrayList<>();
		for (Object constant : type.getEnumConstants()) {
			values.add(PLAIN.valueToTree(constant).asString());
		}
		return values;
	}

	private static String expected(List<String> values) {
		List<String> quoted = values.stream().map((value) -> "'" + value + "'").toList();
		if (quoted.size() == 1) {
			return quoted.get(0);
		}
		return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.get(quoted.size() - 1);
	}

	/**
	 * A rejected value.
	 *
	 * @param type pydantic error type
	 * @param msg the message
	 * @param ctx context, or null
	 */
	record Failure(String type, String msg, @Nullable Map<String, Object> ctx) {
	}

}
