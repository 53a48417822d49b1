package dev.lightspeed.stack.config;

import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import dev.lightspeed.stack.json.RecordComponents;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One key of a configuration record, all taken from its record component: its names in
 * the file ({@code @JsonProperty} or the component name, then {@code @JsonAlias}), how
 * its value is read (the component's Java type) and its rules, each written once on the
 * component: {@code @Schema} (required, minimum, maximum, allowable values, which the
 * OpenAPI document shows too), {@link HttpUrl} and {@link ExistingFile}.
 *
 * @param name the component's name in the file
 * @param names that name and its aliases
 * @param required whether the key must be given
 * @param section whether the value is a record of its own
 * @param reader how the value is read
 * @param rules what the value, once read, must hold
 */
record ConfigKey(String name, List<String> names, boolean required, boolean section, ConfigValues.Reader reader,
		List<Rule> rules) {

	/**
	 * A rule of one value.
	 *
	 * @param holds whether a value keeps it
	 * @param message what is reported when it does not
	 */
	record Rule(Predicate<Object> holds, String message) {
	}

	static ConfigKey of(RecordComponent component) {
		Schema schema = RecordComponents.annotation(component, Schema.class);
		List<String> names = new ArrayList<>();
		names.add(RecordComponents.jsonName(component));
		names.addAll(RecordComponents.aliases(component));
		boolean required = schema != null && schema.requiredMode() == Schema.RequiredMode.REQUIRED;
		return new ConfigKey(names.getFirst(), List.copyOf(names), required, component.getType().isRecord(),
				ConfigValues.of(component.getGenericType()), rules(component, schema));
	}

	/**
	 * The name a mapping gives this key: of its names, the one written last, so that the
	 * later wins when a file gives both and problems are reported by the name it used.
	 * @param mapping the mapping
	 * @return that name, or the key's own name when the mapping has none
	 */
	String nameIn(JsonNode mapping) {
		if (this.names.size() == 1) {
			return this.name;
		}
		List<String> written = List.copyOf(mapping.propertyNames());
		String result = this.name;
		int last = written.lastIndexOf(this.name);
		for (String alias : this.names) {
			if (written.lastIndexOf(alias) > last) {
				last = written.lastIndexOf(alias);
				result = alias;
			}
		}
		return result;
	}

	private static List<Rule> rules(RecordComponent component, @Nullable Schema schema) {
		List<Rule> rules = new ArrayList<>();
		if (schema != null && !schema.minimum().isEmpty()) {
			long minimum = Long.parseLong(schema.minimum());
			// pydantic words PositiveInt (gt=0) and NonNegativeInt (ge=0) apart
			rules.add(new Rule((value) -> ((Number) value).longValue() >= minimum,
					(minimum > 0) ? "Input should be greater than " + (minimum - 1)
							: "Input should be greater than or equal to " + minimum));
		}
		if (schema != null && !schema.maximum().isEmpty()) {
			long maximum = Long.parseLong(schema.maximum());
			// the only maximum of the configuration is a port's, worded as LCS words it
			rules.add(new Rule((value) -> ((Number) value).longValue() <= maximum,
					"Port value should be less than " + (maximum + 1)));
		}
		if (schema != null && schema.allowableValues().length > 0) {
			List<String> allowed = List.of(schema.allowableValues());
			rules.add(new Rule(allowed::contains, ConfigValues.oneOf(allowed)));
		}
		if (RecordComponents.annotation(component, HttpUrl.class) != null) {
			rules.add(new Rule((value) -> Urls.isHttpUrl((String) value),
					"Input should be a valid URL with scheme http or https"));
		}
		if (RecordComponents.annotation(component, ExistingFile.class) != null) {
			rules.add(
					new Rule((value) -> Files.isRegularFile(Path.of((String) value)), "Path does not point to a file"));
		}
		return List.copyOf(rules);
	}

}
