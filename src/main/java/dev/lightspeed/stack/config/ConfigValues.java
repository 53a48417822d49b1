package dev.lightspeed.stack.config;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a value of the configuration file is read as the Java type of its record component.
 * Scalars are read as leniently as LCS 0.2.0 users expect: numbers and booleans as
 * strings, digits as integers, YAML 1.1 words ({@code yes}, {@code off}, ...) as
 * booleans, and an empty string as no value. A value that is not of the type is reported
 * at its path (pydantic's wording) and read as absent.
 */
final class ConfigValues {

	static final String DICTIONARY = "Input should be a valid dictionary";

	static final String STRING = "Input should be a valid string";

	private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");

	private static final Set<String> TRUE = Set.of("true", "yes", "y", "on", "t", "1");

	private static final Set<String> FALSE = Set.of("false", "no", "n", "off", "f", "0");

	private ConfigValues() {
	}

	/**
	 * Reads one value, reporting what is wrong with it.
	 */
	@FunctionalInterface
	interface Reader {

		@Nullable Object read(ConfigReader reader, JsonNode value, String path);

	}

	/**
	 * How a component of a Java type is read.
	 * @param type the component's type
	 * @return its reader
	 * @throws IllegalArgumentException for a type no configuration key uses
	 */
	static Reader of(Type type) {
		if (type instanceof ParameterizedType generic && generic.getRawType() == List.class) {
			Type item = generic.getActualTypeArguments()[0];
			Reader items = of(item);
			String rule = (item instanceof Class<?> itemClass && itemClass.isRecord()) ? DICTIONARY : STRING;
			return (reader, value, path) -> reader.list(value, path, items, rule);
		}
		if (type instanceof ParameterizedType generic && generic.getRawType() == Map.class
				&& Arrays.equals(generic.getActualTypeArguments(), new Type[] { String.class, String.class })) {
			return ConfigReader::stringMap;
		}
		if (type == String.class) {
			return ConfigValues::string;
		}
		if (type == Integer.class) {
			return (reader, value, path) -> integer(reader, value, path, Integer.MIN_VALUE, Integer.MAX_VALUE,
					Long::intValue);
		}
		if (type == Long.class) {
			return (reader, value, path) -> integer(reader, value, path, Long.MIN_VALUE, Long.MAX_VALUE,
					Function.identity());
		}
		if (type == Boolean.class) {
			return ConfigValues::bool;
		}
		if (type == Object.class) {
			// any YAML value, as plain Java: maps, lists, strings, numbers, booleans
			return (reader, value, path) -> JsonMapper.shared().treeToValue(value, Object.class);
		}
		if (type instanceof Class<?> enumType && enumType.isEnum()) {
			return constant(enumType);
		}
		if (type instanceof Class<?> recordType && recordType.isRecord()) {
			return (reader, value, path) -> reader.record(value, path, recordType);
		}
		throw new IllegalArgumentException("No configuration reader for " + type);
	}

	/**
	 * Pydantic's wording for a value that is not one of a list.
	 * @param allowed the values allowed
	 * @return e.g. {@code Input should be 'a', 'b' or 'c'}
	 */
	static String oneOf(List<String> allowed) {
		String names = allowed.stream().map((name) -> "'" + name + "'").collect(Collectors.joining(", "));
		int last = names.lastIndexOf(", ");
		return "Input should be " + ((last < 0) ? names : names.substring(0, last) + " or" + names.substring(last + 1));
	}

	/**
	 * The rule of an enumeration in the configuration.
	 * @param type the enumeration
	 * @return what is reported for a value that is not one of its constants
	 */
	static String oneOf(Class<?> type) {
		return oneOf(List.copyOf(constants(type).keySet()));
	}

	static @Nullable Object string(ConfigReader reader, JsonNode value, String path) {
		return (value.isObject() || value.isArray()) ? reader.invalid(path, STRING) : value.asString();
	}

	// configuration enumerations are written as their constants in lower case
	private static Reader constant(Class<?> type) {
		Map<String, Object> constants = constants(type);
		String rule = oneOf(type);
		return (reader, value, path) -> {
			Object name = string(reader, value, path);
			if (name == null) {
				return null;
			}
			Object constant = constants.get(name);
			return (constant != null) ? constant : reader.invalid(path, rule);
		};
	}

	private static Map<String, Object> constants(Class<?> type) {
		return Arrays.stream(type.getEnumConstants())
			.collect(Collectors.toMap((constant) -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT),
					Function.identity(), (first, second) -> first, LinkedHashMap::new));
	}

	private static <T> @Nullable T integer(ConfigReader reader, JsonNode value, String path, long min, long max,
			Function<Long, T> type) {
		BigInteger number = null;
		if (value.isIntegralNumber()) {
			number = value.bigIntegerValue();
		}
		else if (value.isString()) {
			String text = value.stringValue().strip();
			if (text.isEmpty()) {
				return null;
			}
			number = INTEGER.matcher(text).matches() ? new BigInteger(text) : null;
		}
		if (number == null) {
			return reader.invalid(path, "Input should be a valid integer");
		}
		if (number.compareTo(BigInteger.valueOf(min)) < 0 || number.compareTo(BigInteger.valueOf(max)) > 0) {
			return reader.invalid(path, "Input should be a valid integer, number out of range");
		}
		return type.apply(number.longValue());
	}

	private static @Nullable Boolean bool(ConfigReader reader, JsonNode value, String path) {
		if (value.isBoolean()) {
			return value.booleanValue();
		}
		if (value.isIntegralNumber()) {
			return value.bigIntegerValue().signum() != 0;
		}
		String text = value.isString() ? value.stringValue().strip().toLowerCase(Locale.ROOT) : "-";
		if (text.isEmpty()) {
			return null;
		}
		if (TRUE.contains(text)) {
			return true;
		}
		return FALSE.contains(text) ? false : reader.invalid(path, "Input should be a valid boolean");
	}

}
