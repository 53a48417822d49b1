package dev.lightspeed.stack.config;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path.Node;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns binding and validation failures into one-line {@code key.path: rule} problems,
 * with pydantic's wording where LCS 0.2.0 has one.
 */
final class ConfigurationErrors {

	private ConfigurationErrors() {
	}

	static ConfigurationException notYaml(JacksonException ex) {
		TokenStreamLocation location = ex.getLocation();
		String where = (location != null && location.getLineNr() > 0)
				? " at line " + location.getLineNr() + ", column " + location.getColumnNr() : "";
		// SnakeYAML explains over several lines, with an excerpt; keep the explanation.
		String reason = String.valueOf(ex.getOriginalMessage())
			.lines()
			.filter((line) -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
			.collect(Collectors.joining("; "));
		return new ConfigurationException("configuration is not valid YAML" + where + ": " + reason);
	}

	static ConfigurationException binding(JacksonException ex) {
		return new ConfigurationException(keyPath(ex.getPath()) + ": " + rule(ex));
	}

	static ConfigurationException violations(Set<? extends ConstraintViolation<?>> violations) {
		List<String> problems = violations.stream()
			.map((violation) -> keyPath(violation.getPropertyPath()) + ": " + violation.getMessage())
			.sorted()
			.distinct()
			.toList();
		return new ConfigurationException(problems);
	}

	private static String rule(JacksonException ex) {
		if (ex instanceof InputCoercionException) {
			return "Input should be a valid integer, number out of range";
		}
		if (ex instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
			Class<?> type = mismatch.getTargetType();
			if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
				return "Input should be a valid integer";
			}
			if (type == Boolean.class || type == boolean.class) {
				return "Input should be a valid boolean";
			}
			if (type == String.class) {
				return "Input should be a valid string";
			}
			if (Collection.class.isAssignableFrom(type)) {
				return "Input should be a valid list";
			}
			if (type.isRecord()) {
				return "Input should be a valid dictionary";
			}
		}
		return String.valueOf(ex.getOriginalMessage()).lines().findFirst().orElse("invalid value");
	}

	private static String keyPath(List<JacksonException.Reference> references) {
		StringBuilder result = new StringBuilder();
		for (JacksonException.Reference reference : references) {
			if (reference.getPropertyName() != null) {
				appendName(result, reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				result.append('[').append(reference.getIndex()).append(']');
			}
		}
		return result.isEmpty() ? "configuration" : result.toString();
	}

	static String keyPath(jakarta.validation.Path path) {
		StringBuilder result = new StringBuilder();
		for (Node node : path) {
			if (node.getIndex() != null) {
				result.append('[').append(node.getIndex()).append(']');
			}
			if (node.getName() != null && !node.getName().isEmpty()) {
				appendName(result, snakeCase(node.getName()));
			}
		}
		return result.isEmpty() ? "configuration" : result.toString();
	}

	private static void appendName(StringBuilder path, String name) {
		if (!path.isEmpty()) {
			path.append('.');
		}
		path.append(name);
	}

	// Record components are the camelCase form of the YAML keys.
	static String snakeCase(String name) {
		return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
	}

}
