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
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<String> roles) implements CrossChecked{

	public JwtRoleRule {
		negate = (negate != null) ? negate : false;
		roles = (roles != null) ? List.copyOf(roles) : List.of();
	}

	// an absent or wrong key is reported as such, not again by these rules
	@Override
	public void crossCheck(SectionCheck section) {
		if (this.jsonpath != null) {
			section.check(compiles(this.jsonpath), "jsonpath", "Invalid JSONPath expression: " + this.jsonpath);
		}
		if ("match".equals(this.operator) && this.value != null) {
			section.check(this.value instanceof String, "value", "MATCH operator requires a string pattern");
			section.check(!(this.value instanceof String pattern) || regex(pattern), "value",
					"Invalid regex pattern for MATCH operator: " + this.value);
		}
		section.check(!this.roles.isEmpty(), "roles", "At least one role must be specified in the rule");
		section.check(new HashSet<>(this.roles).size() == this.roles.size(), "roles",
				"Roles must be unique in the rule");
		section.check(!this.roles.contains("*"), "roles",
				"The wildcard '*' role is not allowed in role rules, everyone automatically gets this role");
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
