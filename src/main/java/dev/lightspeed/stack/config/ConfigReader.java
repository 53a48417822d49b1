package dev.lightspeed.stack.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Reads YAML mappings into configuration records by their canonical constructors, taking
 * each key from its record component ({@link ConfigKey}). A value that breaks a rule is
 * reported at its key path (pydantic's wording) and read as absent, so every problem of
 * the file is found in one pass; keys no record has are collected as unknown. Once a
 * record is built, the rules across its keys run ({@link CrossChecked}).
 * <p>
 * Not Jackson data binding with Bean Validation: both build metadata for every record at
 * each start (0.27–0.31 s of the main thread, {@code docs/performance.md}); this reflects
 * once per record type and keeps nothing else.
 */
final class ConfigReader {

	private static final ClassValue<Shape> shapes = new ClassValue<>() {

		@Override
		protected Shape computeValue(Class<?> type) {
			RecordComponent[] components = type.getRecordComponents();
			List<ConfigKey> keys = Arrays.stream(components).map(ConfigKey::of).toList();
			try {
				return new Shape(keys, keys.stream().flatMap((key) -> key.names().stream()).collect(Collectors.toSet()),
						type.getDeclaredConstructor(
								Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new)));
			}
			catch (NoSuchMethodException ex) {
				throw new IllegalStateException("A record always has its canonical constructor", ex);
			}
		}

	};

	private final Problems problems;

	ConfigReader(Problems problems) {
		this.problems = problems;
	}

	/**
	 * Reads a mapping into a record.
	 * @param <T> the record type
	 * @param value the mapping
	 * @param path its key path, empty for the root
	 * @param type the record type
	 * @return the record, or null when the value is not a mapping
	 */
	<T> @Nullable T record(JsonNode value, String path, Class<T> type) {
		if (!value.isObject()) {
			return invalid(path, ConfigValues.DICTIONARY);
		}
		Shape shape = shapes.get(type);
		Object[] arguments = new Object[shape.keys().size()];
		Map<String, String> shown = new HashMap<>();
		for (int i = 0; i < arguments.length; i++) {
			ConfigKey key = shape.keys().get(i);
			String name = key.nameIn(value);
			shown.put(key.name(), name);
			arguments[i] = read(key, value.get(name), join(path, name));
		}
		value.propertyNames()
			.stream()
			.filter((name) -> !shape.names().contains(name))
			.forEach((name) -> this.problems.unknownKey(join(path, name)));
		T record = type.cast(shape.construct(arguments));
		if (record instanceof CrossChecked checked) {
			checked.crossCheck(new SectionCheck(this.problems, value, path, shown));
		}
		return record;
	}

	@Nullable List<Object> list(JsonNode value, String path, ConfigValues.Reader items, String itemRule) {
		if (!value.isArray()) {
			return invalid(path, "Input should be a valid list");
		}
		List<Object> result = new ArrayList<>();
		for (int i = 0; i < value.size(); i++) {
			String itemPath = path + "[" + i + "]";
			Object item = value.get(i).isNull() ? null : items.read(this, value.get(i), itemPath);
			this.problems.check(item != null, itemPath, itemRule);
			if (item != null) {
				result.add(item);
			}
		}
		return result;
	}

	// a mapping of names to strings, in the file's order
	@Nullable Map<String, String> stringMap(JsonNode value, String path) {
		if (!value.isObject()) {
			return invalid(path, ConfigValues.DICTIONARY);
		}
		Map<String, String> result = new LinkedHashMap<>();
		for (String name : value.propertyNames()) {
			String entryPath = join(path, name);
			Object text = value.get(name).isNull() ? null : ConfigValues.string(this, value.get(name), entryPath);
			this.problems.check(text != null, entryPath, ConfigValues.STRING);
			if (text != null) {
				result.put(name, (String) text);
			}
		}
		return result;
	}

	<T> @Nullable T invalid(String path, String message) {
		this.problems.add(path, message);
		return null;
	}

	static String join(String path, String key) {
		return (key.isEmpty() || path.isEmpty()) ? path + key : path + "." + key;
	}

	private @Nullable Object read(ConfigKey key, @Nullable JsonNode value, String path) {
		Object result = null;
		if (value != null && !value.isNull()) {
			result = key.reader().read(this, value, path);
		}
		else if (value != null && key.required() && key.section()) {
			// "key:" alone is YAML null; for a required section, it means "all defaults"
			result = key.reader().read(this, JsonNodeFactory.instance.objectNode(), path);
		}
		this.problems.check(!key.required() || result != null, path, "Field required");
		for (ConfigKey.Rule rule : key.rules()) {
			this.problems.check(result == null || rule.holds().test(result), path, rule.message());
		}
		return result;
	}

	/**
	 * What is known of a record type.
	 *
	 * @param keys its keys, in component order
	 * @param names every name they are read under
	 * @param constructor its canonical constructor
	 */
	private record Shape(List<ConfigKey> keys, Set<String> names, Constructor<?> constructor) {

		Object construct(Object[] arguments) {
			try {
				return this.constructor.newInstance(arguments);
			}
			catch (InvocationTargetException ex) {
				throw (ex.getCause() instanceof RuntimeException cause) ? cause : new IllegalStateException(ex);
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
