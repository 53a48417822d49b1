package dev.lightspeed.stack.authorization;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import dev.lightspeed.stack.config.JwtRoleRule;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Evaluates {@code role_rules} on a verified token's claims, as LCS does with
 * jsonpath-ng: what a path finds is the list of its matches (an absent claim finds an
 * empty list), compared as JSON values.
 */
public final class JwtRoleRules {

	private static final Configuration MATCHES = Configuration.builder()
		.options(Option.ALWAYS_RETURN_LIST, Option.SUPPRESS_EXCEPTIONS)
		.build();

	private final List<Compiled> rules;

	private JwtRoleRules(List<Compiled> rules) {
		this.rules = rules;
	}

	/**
	 * Compiles rules the configuration has checked.
	 * @param rules the rules
	 * @return the compiled rules
	 */
	public static JwtRoleRules of(List<JwtRoleRule> rules) {
		return new JwtRoleRules(rules.stream().map(Compiled::of).toList());
	}

	/**
	 * The roles the claims give.
	 * @param claims the token's claims as JSON types (maps, lists, strings, numbers)
	 * @return the roles, {@code *} left out
	 */
	public Set<String> roles(Map<String, Object> claims) {
		Set<String> roles = new HashSet<>();
		for (Compiled rule : this.rules) {
			if (rule.holds(claims)) {
				roles.addAll(rule.rule().roles());
			}
		}
		return roles;
	}

	private record Compiled(JwtRoleRule rule, JsonPath path, JsonNode value, @Nullable Pattern pattern) {

		static Compiled of(JwtRoleRule rule) {
			return new Compiled(rule, JsonPath.compile(rule.jsonpath()), JsonMapper.shared().valueToTree(rule.value()),
					"match".equals(rule.operator()) ? Pattern.compile((String) rule.value()) : null);
		}

		boolean holds(Map<String, Object> claims) {
			List<?> found = this.path.read(claims, MATCHES);
			JsonNode matches = JsonMapper.shared().valueToTree((found != null) ? found : List.of());
			boolean result = switch (this.rule.operator()) {
				case "equals" -> matches.equals(this.value);
				case "contains" -> contains(matches, this.value);
				case "in" -> contains(this.value, matches);
				default -> matches.valueStream()
					.anyMatch((match) -> match.isString() && this.pattern.matcher(match.stringValue()).find());
			};
			return result != this.rule.negate();
		}

		// Python's "in": an item of a list, a key of a dict, a substring of a string
		private static boolean contains(JsonNode container, JsonNode item) {
			if (container.isArray()) {
				return container.valueStream().anyMatch(item::equals);
			}
			if (container.isObject()) {
				return item.isString() && container.has(item.stringValue());
			}
			return container.isString() && item.isString() && container.stringValue().contains(item.stringValue());
		}

	}

}
