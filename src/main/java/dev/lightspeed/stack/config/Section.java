package dev.lightspeed.stack.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * One YAML mapping of the configuration, read key by key into record components. A value
 * that breaks a rule is reported at its key path (pydantic's wording) and read as absent,
 * so every problem of the file is found in one pass. Scalars are read as leniently as LCS
 * 0.2.0 users expect: numbers and booleans as strings, digits as integers, YAML 1.1 words
 * ({@code yes}, {@code off}, ...) as booleans, and an empty string as no value.
 */
final class Section {

	private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");

	private static final Set<String> TRUE = Set.of("true", "yes", "y", "on", "t", "1");

	private static final Set<String> FALSE = Set.of("false", "no", "n", "off", "f", "0");

	private final JsonNode node;

	private final String path;

	private final Problems problems;

	private final Set<String> read = new HashSet<>();

	private final Map<String, String> aliased = new HashMap<>();

	private Section(JsonNode node, String path, Problems problems) {
		this.node = node;
		this.path = path;
		this.problems = problems;
	}

	static <T> T root(JsonNode root, Function<Section, T> reader, Problems problems) {
		return new Section(root, "", problems).readWith(reader);
	}

	// When both names are given, the later one wins; problems are reported by the name
	// used.
	void alias(String key, String alias) {
		this.read.add(alias);
		List<String> names = List.copyOf(this.node.propertyNames());
		if (names.lastIndexOf(alias) > names.lastIndexOf(key)) {
			this.aliased.put(key, alias);
		}
	}

	boolean has(String key) {
		return this.node.has(key);
	}

	@Nullable String string(String key) {
		JsonNode value = value(key);
		if (value == null) {
			return null;
		}
		if (value.isObject() || value.isArray()) {
			return invalid(key, "Input should be a valid string");
		}
		return value.asString();
	}

	@Nullable String requiredString(String key) {
		return required(key, string(key));
	}

	@Nullable Integer integer(String key) {
		JsonNode value = value(key);
		if (value == null) {
			return null;
		}
		if (value.isIntegralNumber()) {
			return value.canConvertToInt() ? value.intValue()
					: invalid(key, "Input should be a valid integer, number out of range");
		}
		String text = value.isString() ? value.stringValue().strip() : null;
		if (text != null && text.isEmpty()) {
			return null;
		}
		if (text == null || !INTEGER.matcher(text).matches()) {
			return invalid(key, "Input should be a valid integer");
		}
		try {
			return Integer.valueOf(text);
		}
		catch (NumberFormatException ex) {
			return invalid(key, "Input should be a valid integer, number out of range");
		}
	}

	@Nullable Integer positive(String key) {
		Integer result = integer(key);
		check(result == null || result > 0, key, "Input should be greater than 0");
		return result;
	}

	@Nullable Integer port(String key) {
		Integer result = positive(key);
		check(result == null || result < 65536, key, "Port value should be less than 65536");
		return result;
	}

	@Nullable Boolean bool(String key) {
		JsonNode value = value(key);
		if (value == null) {
			return null;
		}
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
		return FALSE.contains(text) ? false : invalid(key, "Input should be a valid boolean");
	}

	@Nullable String httpUrl(String key) {
		String result = string(key);
		check(result == null || isHttpUrl(result), key, "Input should be a valid URL with scheme http or https");
		return result;
	}

	@Nullable String existingFile(String key) {
		String result = string(key);
		check(result == null || Files.isRegularFile(Path.of(result)), key, "Path does not point to a file");
		return result;
	}

	@Nullable List<String> strings(String key) {
		return list(key, "Input should be a valid string", (item) -> item.string(""));
	}

	// a mapping of names to strings, in the file's order
	@Nullable Map<String, String> stringMap(String key) {
		JsonNode value = value(key);
		if (value == null) {
			return null;
		}
		if (!value.isObject()) {
			return invalid(key, "Input should be a valid dictionary");
		}
		Section entries = new Section(value, childPath(key), this.problems);
		Map<String, String> result = new LinkedHashMap<>();
		for (String name : value.propertyNames()) {
			String text = entries.string(name);
			entries.check(text != null, name, "Input should be a valid string");
			if (text != null) {
				result.put(name, text);
			}
		}
		return result;
	}

	<T> @Nullable T section(String key, Function<Section, T> reader) {
		JsonNode value = value(key);
		if (value == null) {
			return null;
		}
		if (!value.isObject()) {
			return invalid(key, "Input should be a valid dictionary");
		}
		return new Section(value, childPath(key), this.problems).readWith(reader);
	}

	// "key:" alone is YAML null; for a required section, it means "all defaults".
	<T> @Nullable T requiredSection(String key, Function<Section, T> reader) {
		JsonNode value = value(key);
		if (value == null && this.node.has(key)) {
			return new Section(JsonNodeFactory.instance.objectNode(), childPath(key), this.problems).readWith(reader);
		}
		return required(key, section(key, reader));
	}

	<T> @Nullable List<T> sections(String key, Function<Section, T> reader) {
		return list(key, "Input should be a valid dictionary", (item) -> item.section("", reader));
	}

	// One problem per key: a value already found wrong is not reported again by a rule
	// that needs it. An empty key is this section itself.
	void check(boolean holds, String key, String message) {
		if (!holds && !this.problems.reportedAt(childPath(key))) {
			this.problems.add(childPath(key), message);
		}
	}

	private <T> @Nullable List<T> list(String key, String itemRule, Function<Section, @Nullable T> item) {
		JsonNode value = value(key);
		if (value == null) {
			return null;
		}
		if (!value.isArray()) {
			return invalid(key, "Input should be a valid list");
		}
		List<T> result = new ArrayList<>();
		for (int i = 0; i < value.size(); i++) {
			String itemKey = key + "[" + i + "]";
			// an item is read as the only value, under the empty key, of a section of its
			// own
			JsonNode items = JsonNodeFactory.instance.objectNode().set("", value.get(i));
			T read = item.apply(new Section(items, childPath(itemKey), this.problems));
			check(read != null, itemKey, itemRule);
			if (read != null) {
				result.add(read);
			}
		}
		return result;
	}

	private <T> T readWith(Function<Section, T> reader) {
		T result = reader.apply(this);
		this.node.propertyNames()
			.stream()
			.filter((name) -> !this.read.contains(name))
			.forEach((name) -> this.problems.unknownKey(childPath(name)));
		return result;
	}

	private @Nullable JsonNode value(String key) {
		this.read.add(key);
		JsonNode value = this.node.get(this.aliased.getOrDefault(key, key));
		return (value == null || value.isNull()) ? null : value;
	}

	<T> @Nullable T required(String key, @Nullable T value) {
		check(value != null, key, "Field required");
		return value;
	}

	private <T> @Nullable T invalid(String key, String message) {
		this.problems.add(childPath(key), message);
		return null;
	}

	// A key read under an alias is reported by the name the file uses.
	private String childPath(String key) {
		String shown = this.aliased.getOrDefault(key, key);
		if (shown.isEmpty() || this.path.isEmpty()) {
			return this.path + shown;
		}
		return this.path + "." + shown;
	}

	private static boolean isHttpUrl(String value) {
		try {
			URI uri = new URI(value);
			String scheme = uri.getScheme();
			return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

}
