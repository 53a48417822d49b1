package dev.lightspeed.stack.config;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code authorization.access_rules} and {@code jwt_configuration.role_rules} (LCS
 * 0.3.0), checked as LCS checks them.
 */
class AuthorizationConfigurationTests {

	static final String JWK = "authentication: {module: jwk-token, jwk_config: {url: 'https://keys', "
			+ "jwt_configuration: {role_rules: [%s]}}}";

	static Stream<Arguments> rules() {
		return Stream.of(
				Arguments.of("authorization: {access_rules: [{role: r, actions: [query, fly]}]}",
						"authorization.access_rules[0].actions[1]: " + ConfigValues.oneOf(Action.class)),
				Arguments.of("authorization: {access_rules: [{role: r, actions: [admin, query]}]}",
						"authorization.access_rules[0].actions: Access rule with 'admin' action cannot have other "
								+ "actions"),
				Arguments.of("authorization: {access_rules: [{actions: [query]}]}",
						"authorization.access_rules[0].role: Field required"),
				Arguments.of("authorization: {access_rules: [{role: r}]}",
						"authorization.access_rules[0].actions: Field required"),
				Arguments.of(JWK.formatted("{jsonpath: '$.[', operator: equals, value: x, roles: [a]}"),
						"authentication.jwk_config.jwt_configuration.role_rules[0].jsonpath: Invalid JSONPath "
								+ "expression: $.["),
				Arguments.of(JWK.formatted("{jsonpath: '$.a', operator: like, value: x, roles: [a]}"),
						"authentication.jwk_config.jwt_configuration.role_rules[0].operator: Input should be 'equals', "
								+ "'contains', 'in' or 'match'"),
				Arguments.of(JWK.formatted("{jsonpath: '$.a', operator: match, value: [x], roles: [a]}"),
						"authentication.jwk_config.jwt_configuration.role_rules[0].value: MATCH operator requires a "
								+ "string pattern"),
				Arguments.of(JWK.formatted("{jsonpath: '$.a', operator: match, value: '(', roles: [a]}"),
						"authentication.jwk_config.jwt_configuration.role_rules[0].value: Invalid regex pattern for "
								+ "MATCH operator: ("),
				Arguments.of(JWK.formatted("{jsonpath: '$.a', operator: equals, value: x, roles: []}"),
						"authentication.jwk_config.jwt_configuration.role_rules[0].roles: At least one role must be "
								+ "specified in the rule"),
				Arguments.of(JWK.formatted("{jsonpath: '$.a', operator: equals, value: x, roles: [a, a]}"),
						"authentication.jwk_config.jwt_configuration.role_rules[0].roles: Roles must be unique in the "
								+ "rule"),
				Arguments.of(JWK.formatted("{jsonpath: '$.a', operator: equals, value: x, roles: ['*']}"),
						"authentication.jwk_config.jwt_configuration.role_rules[0].roles: The wildcard '*' role is not "
								+ "allowed in role rules, everyone automatically gets this role"),
				Arguments.of(JWK.formatted("{jsonpath: '$.a', operator: equals, roles: [a]}"),
						"authentication.jwk_config.jwt_configuration.role_rules[0].value: Field required"));
	}

	@ParameterizedTest(name = "{1}")
	@MethodSource("rules")
	void ruleWhenBrokenShouldNameKeyPathAndRule(String sections, String problem) {
		assertThat(Configs.problems(sections)).containsExactly(problem);
	}

	@Test
	void sectionsShouldBeReadIntoActionsAndRules() {
		LightspeedConfiguration configuration = Configs.load("""
				authorization:
				  access_rules:
				    - {role: '*', actions: [info]}
				    - {role: boss, actions: [admin]}
				""" + JWK.formatted("{jsonpath: '$.groups[*]', operator: contains, value: ops, roles: [boss]}"));
		assertThat(configuration.authorization().accessRules()).containsExactly(
				new AuthorizationConfig.AccessRule("*", List.of(Action.INFO)),
				new AuthorizationConfig.AccessRule("boss", List.of(Action.ADMIN)));
		assertThat(configuration.authentication().jwkConfig().jwtConfiguration().roleRules())
			.containsExactly(new JwtRoleRule("$.groups[*]", "contains", false, "ops", List.of("boss")));
		assertThat(ConfigurationDump.toJson(configuration)).contains("\"actions\": [\n                    \"admin\"");
	}

}
