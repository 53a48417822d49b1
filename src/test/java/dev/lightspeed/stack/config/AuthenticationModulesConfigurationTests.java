package dev.lightspeed.stack.config;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sections of the modules LCS 0.3–0.6 added: {@code api_key_config},
 * {@code rh_identity_config} and {@code trusted_proxy_config}.
 */
class AuthenticationModulesConfigurationTests {

	static Stream<Arguments> rules() {
		return Stream.of(
				Arguments.of("authentication: {module: api-key-token}",
						"authentication.api_key_config: API Key configuration section must be specified when using "
								+ "API Key token authentication"),
				Arguments.of("authentication: {module: api-key-token, api_key_config: {api_key: ''}}",
						"authentication.api_key_config.api_key: String should have at least 1 character"),
				Arguments.of("authentication: {module: rh-identity}",
						"authentication.rh_identity_config: RH Identity configuration must be specified when using RH "
								+ "Identity authentication"),
				Arguments.of("authentication: {module: rh-identity, rh_identity_config: {max_header_size: 0}}",
						"authentication.rh_identity_config.max_header_size: Input should be greater than 0"),
				Arguments.of("authentication: {module: trusted-proxy}",
						"authentication.trusted_proxy_config: Trusted proxy configuration must be specified when "
								+ "using trusted-proxy authentication"),
				Arguments.of("authentication: {module: trusted-proxy, trusted_proxy_config: {}}",
						"authentication.trusted_proxy_config.allowed_service_accounts: List at least one service "
								+ "account: without one, any service account of the cluster could act as any user"),
				Arguments.of(
						"authentication: {module: trusted-proxy, trusted_proxy_config: "
								+ "{allowed_service_accounts: [{name: proxy}]}}",
						"authentication.trusted_proxy_config.allowed_service_accounts[0].namespace: Field required"));
	}

	@ParameterizedTest(name = "{1}")
	@MethodSource("rules")
	void ruleWhenBrokenShouldNameKeyPathAndRule(String sections, String problem) {
		assertThat(Configs.problems(sections)).containsExactly(problem);
	}

	@Test
	void sectionsShouldBeReadWithLcsDefaults() {
		AuthenticationConfig authentication = Configs.load("""
				authentication:
				  module: trusted-proxy
				  rh_identity_config: {required_entitlements: [rhel, ansible]}
				  trusted_proxy_config:
				    allowed_service_accounts: [{namespace: gateway, name: oauth-proxy}]
				""").authentication();
		assertThat(authentication.rhIdentityConfig()).isEqualTo(new RhIdentityConfig(List.of("rhel", "ansible"), 8192));
		assertThat(authentication.trustedProxyConfig().userHeader()).isEqualTo("X-Forwarded-User");
		assertThat(authentication.trustedProxyConfig().allowedServiceAccounts()).singleElement()
			.extracting(TrustedProxyConfig.ServiceAccount::username)
			.isEqualTo("system:serviceaccount:gateway:oauth-proxy");
	}

	@Test
	void apiKeyAndAdminCredentialShouldBeMaskedInTheDump() {
		JsonNode dump = JsonMapper.shared()
			.readTree(ConfigurationDump.toJson(Configs.load("authentication: {module: api-key-token, api_key_config: "
					+ "{api_key: s3cret-static-key, admin_api_key: s3cret-admin-credential}}")));
		assertThat(dump.at("/authentication/api_key_config/api_key").asString()).isEqualTo("**********");
		assertThat(dump.at("/authentication/api_key_config/admin_api_key").asString()).isEqualTo("**********");
		assertThat(dump.toString()).doesNotContain("s3cret-static-key", "s3cret-admin-credential");
	}

	@Test
	void aShortAdminCredentialShouldBeRefused() {
		assertThat(Configs.problems("authentication: {module: api-key-token, api_key_config: {admin_api_key: short}}"))
			.containsExactly("authentication.api_key_config.admin_api_key: String should have at least 16 characters");
	}

}
