package dev.lightspeed.stack.config;

import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One entry of {@code authentication.jwk_config.jwt_configuration.role_rules} (LCS
 * 0.3.0): the roles a token gets when what {@code jsonpath} finds in its claims (always a
 * list of the matches) compares with {@code value} as {@code operator} says:
 * {@code equals} (the list equals the value), {@code contains} (the value is in the
 * list), {@code in} (the list is in the value) or {@code match} (a string in the list
 * matches the regular expression). {@code negate} inverts the result.
 *
 * @param jsonpath where to look in the claims
 * @param operator how to compare
 * @param negate whether to invert the comparison
 * @param value what to compare with
 * @param roles the roles the token gets when the rule holds
 */
public record JwtRoleRule(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String jsonpath,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {
				"equals", "contains", "in", "match" }) String operator,
		Boolean negate, @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Object value,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<String> roles){

	static final List<String> OPERATORS = List.of("equals", "contains", "in", "match");

	public JwtRoleRule {
		negate = (negate != null) ? negate : false;
		roles = (roles != null) ? List.copyOf(roles) : List.of();
	}

	static JwtRoleRule read(Section section) {
		String jsonpath = section.requiredString("jsonpath");
		String operator = section.requiredString("operator");
		Object value = section.required("value", section.any("value"));
		List<String> roles = section.required("roles", section.strings("roles"));
		section.check(operator == null || OPERATORS.contains(operator), "operator",
				"Input should be 'equals', 'contains', 'in' or 'match'");
		if (jsonpath != null) {
			section.check(compiles(jsonpath), "jsonpath", "Invalid JSONPath expression: " + jsonpath);
		}
		if ("match".equals(operator) && value != null) {
			section.check(value instanceof String, "value", "MATCH operator requires a string pattern");
			section.check(!(value instanceof String pattern) || regex(pattern), "value",
					"Invalid regex pattern for MATCH operator: " + value);
		}
		if (roles != null) {
			section.check(!roles.isEmpty(), "roles", "At least one role must be specified in the rule");
			section.check(new HashSet<>(roles).size() == roles.size(), "roles", "Roles must be unique in the rule");
			section.check(!roles.contains("*"), "roles",
					"The wildcard '*' role is not allowed in role rules, everyone automatically gets this role");
		}
		return new JwtRoleRule(jsonpath, operator, section.bool("negate"), value, roles);
	}

	private static boolean compiles(String jsonpath) {
		try {
			JsonPath.compile(jsonpath);
			return true;
		}
		catch (InvalidPathException | IllegalArgumentException ex) {
			return false;
		}
	}

	private static boolean regex(String pattern) {
		try {
			Pattern.compile(pattern);
			return true;
		}
		catch (PatternSyntaxException ex) {
			return false;
		}
	}

}
