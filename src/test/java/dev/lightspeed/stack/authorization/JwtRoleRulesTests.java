package dev.lightspeed.stack.authorization;

import java.util.List;
import java.util.Map;

import dev.lightspeed.stack.config.JwtRoleRule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Role rules evaluated as LCS evaluates them (its resolver tests' cases): what a path
 * finds is the list of its matches.
 */
class JwtRoleRulesTests {

	static final Map<String, Object> CLAIMS = Map.of("email", "jdoe@redhat.com", "foo", "bar", "realm_access",
			Map.of("roles", List.of("redhat:employees", "uma_authorization")), "groups", List.of("ops"));

	@Test
	void containsShouldFindTheValueAmongTheMatchesOfAWildcard() {
		assertThat(roles(rule("$.realm_access.roles[*]", "contains", "redhat:employees", "employee")))
			.containsExactly("employee");
		assertThat(roles(rule("$.realm_access.roles[*]", "contains", "redhat:contractors", "employee"))).isEmpty();
	}

	@Test
	void equalsShouldCompareTheListOfMatches() {
		assertThat(roles(rule("$.foo", "equals", List.of("bar"), "foobar"))).containsExactly("foobar");
		assertThat(roles(rule("$.foo", "equals", "bar", "foobar"))).isEmpty();
	}

	@Test
	void inShouldFindTheMatchesInTheValue() {
		assertThat(roles(rule("$.foo", "in", List.of(List.of("bar"), List.of("baz")), "in_role")))
			.containsExactly("in_role");
		assertThat(roles(rule("$.foo", "in", List.of(List.of("qux")), "in_role"))).isEmpty();
	}

	@Test
	void matchShouldSearchEveryStringMatch() {
		assertThat(roles(rule("$.email", "match", "@redhat\\.com$", "redhat_employee")))
			.containsExactly("redhat_employee");
		assertThat(roles(rule("$.email", "match", "@ibm\\.com$", "ibm"))).isEmpty();
		assertThat(roles(rule("$.realm_access.roles[*]", "match", "^uma_", "uma"))).containsExactly("uma");
	}

	@Test
	void negateShouldInvertTheRule() {
		assertThat(roles(new JwtRoleRule("$.email", "match", true, "@ibm\\.com$", List.of("not_ibm"))))
			.containsExactly("not_ibm");
	}

	@Test
	void anAbsentClaimShouldMatchNothing() {
		assertThat(roles(rule("$.missing[*]", "contains", "x", "r"))).isEmpty();
		assertThat(roles(rule("$.missing", "equals", List.of(), "empty"))).containsExactly("empty");
	}

	@Test
	void rolesOfEveryRuleThatHoldsShouldBeJoined() {
		assertThat(JwtRoleRules
			.of(List.of(rule("$.groups[*]", "contains", "ops", "operator"),
					rule("$.email", "match", "redhat", "employee"), rule("$.foo", "equals", List.of("no"), "never")))
			.roles(CLAIMS)).containsExactlyInAnyOrder("operator", "employee");
	}

	private static JwtRoleRule rule(String path, String operator, Object value, String role) {
		return new JwtRoleRule(path, operator, false, value, List.of(role));
	}

	private static java.util.Set<String> roles(JwtRoleRule rule) {
		return JwtRoleRules.of(List.of(rule)).roles(CLAIMS);
	}

}
