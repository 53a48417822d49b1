package dev.lightspeed.stack.config;

import java.util.Iterator;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Llama Stack's {@code ${env.NAME}}, {@code ${env.NAME:=default}} and
 * {@code ${env.NAME:+value}} substitution over every string of the configuration tree.
 * Only values that contained a reference are type-coerced afterwards, so a quoted
 * {@code "12345"} stays a string (a fix over LCS 0.2.0, which coerced every string).
 */
final class EnvSubstitution {

	private static final Pattern REFERENCE = Pattern.compile("\\$\\{env\\.([A-Z0-9_]+)(?::([=+])([^}]*))?}");

	private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");

	private static final Pattern FLOAT = Pattern.compile("[-+]?(\\d+\\.\\d*|\\.\\d+|\\d+)([eE][-+]?\\d+)?");

	private static final String DISABLED = "__disabled__";

	private final UnaryOperator<String> environment;

	EnvSubstitution(UnaryOperator<String> environment) {
		this.environment = environment;
	}

	JsonNode apply(JsonNode node) {
		return apply(node, "");
	}

	private JsonNode apply(JsonNode node, String path) {
		if (node instanceof ObjectNode object) {
			ObjectNode result = JsonNodeFactory.instance.objectNode();
			for (Map.Entry<String, JsonNode> entry : object.properties()) {
				String childPath = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
				result.set(entry.getKey(), apply(entry.getValue(), childPath));
			}
			return result;
		}
		if (node instanceof ArrayNode array) {
			ArrayNode result = JsonNodeFactory.instance.arrayNode();
			Iterator<JsonNode> items = array.values().iterator();
			for (int i = 0; items.hasNext(); i++) {
				JsonNode item = apply(items.next(), path + "[" + i + "]");
				if (!isDisabledProvider(item)) {
					result.add(item);
				}
			}
			return result;
		}
		if (node.isString() && REFERENCE.matcher(node.asString()).find()) {
			return coerce(substitute(node.asString(), path));
		}
		return node;
	}

	private static boolean isDisabledProvider(JsonNode item) {
		JsonNode providerId = item.get("provider_id");
		return item.isObject() && providerId != null && DISABLED.equals(providerId.asString(null));
	}

	private String substitute(String value, String path) {
		Matcher matcher = REFERENCE.matcher(value);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			String name = matcher.group(1);
			String operator = matcher.group(2);
			String operand = (matcher.group(3) != null) ? matcher.group(3) : "";
			String env = this.environment.apply(name);
			boolean set = env != null && !env.isEmpty();
			String replacement;
			if ("=".equals(operator)) {
				replacement = set ? env : operand;
			}
			else if ("+".equals(operator)) {
				replacement = set ? operand : "";
			}
			else if (set) {
				replacement = env;
			}
			else {
				throw new ConfigurationException("Environment variable '" + name + "' not set or empty at " + path
						+ ". Use ${env." + name + ":=default_value} to provide a default value, ${env." + name
						+ ":+value_if_set} to make the field conditional, or ensure the environment variable is set.");
			}
			matcher.appendReplacement(result, Matcher.quoteReplacement(expandHome(replacement)));
		}
		matcher.appendTail(result);
		return result.toString();
	}

	private String expandHome(String value) {
		String home = this.environment.apply("HOME");
		if (home != null && (value.equals("~") || value.startsWith("~/"))) {
			return home + value.substring(1);
		}
		return value;
	}

	private static JsonNode coerce(String value) {
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		if (value.isEmpty()) {
			return nodes.nullNode();
		}
		if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
			return nodes.booleanNode(Boolean.parseBoolean(value));
		}
		if (INTEGER.matcher(value).matches()) {
			try {
				long number = Long.parseLong(value);
				return (number == (int) number) ? nodes.numberNode((int) number) : nodes.numberNode(number);
			}
			catch (NumberFormatException ex) {
				return nodes.stringNode(value);
			}
		}
		if (FLOAT.matcher(value).matches()) {
			return nodes.numberNode(Double.parseDouble(value));
		}
		return nodes.stringNode(value);
	}

}
