package dev.lightspeed.stack.config;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The {@code authentication} section: which module authenticates requests, and its
 * settings.
 *
 * @param module one of {@link #MODULES}
 * @param skipTlsVerification k8s: do not verify the API server's certificate
 * @param k8sClusterApi k8s: API server URL
 * @param k8sCaCertPath k8s: CA bundle of the API server
 * @param jwkConfig jwk-token: where the keys are and which claims name the user
 * @param apiKeyConfig api-key-token: the keys
 * @param rhIdentityConfig rh-identity: the entitlements required
 * @param trustedProxyConfig trusted-proxy: the header and the proxies trusted
 */
public record AuthenticationConfig(String module, @JsonProperty("skip_tls_verification") Boolean skipTlsVerification,
		@JsonProperty("k8s_cluster_api") @HttpUrl @JsonSerialize(
				using = UrlSerializer.class) @Nullable String k8sClusterApi,
		@JsonProperty("k8s_ca_cert_path") @ExistingFile @Nullable String k8sCaCertPath,
		@JsonProperty("jwk_config") @Nullable JwkConfig jwkConfig,
		@JsonProperty("api_key_config") @Nullable ApiKeyTokenConfig apiKeyConfig,
		@JsonProperty("rh_identity_config") @Nullable RhIdentityConfig rhIdentityConfig,
		@JsonProperty("trusted_proxy_config") @Nullable TrustedProxyConfig trustedProxyConfig) implements CrossChecked {

	/** The supported modules, in the order LCS lists them. */
	public static final List<String> MODULES = List.of("noop", "noop-with-token", "k8s", "jwk-token", "api-key-token",
			"rh-identity", "trusted-proxy");

	public AuthenticationConfig {
		module = (module != null) ? module : "noop";
		skipTlsVerification = (skipTlsVerification != null) ? skipTlsVerification : false;
	}

	@Override
	public void crossCheck(SectionCheck section) {
		section.check(MODULES.contains(this.module), "module", "Unsupported authentication module '" + this.module
				+ "'. Supported modules: " + String.join(", ", MODULES));
		section.check(!"jwk-token".equals(this.module) || this.jwkConfig != null, "jwk_config",
				"JWK configuration must be specified when using JWK token authentication");
		section.check(!"api-key-token".equals(this.module) || this.apiKeyConfig != null, "api_key_config",
				"API Key configuration section must be specified when using API Key token authentication");
		section.check(!"rh-identity".equals(this.module) || this.rhIdentityConfig != null, "rh_identity_config",
				"RH Identity configuration must be specified when using RH Identity authentication");
		section.check(!"trusted-proxy".equals(this.module) || this.trustedProxyConfig != null, "trusted_proxy_config",
				"Trusted proxy configuration must be specified when using trusted-proxy authentication");
	}

	/**
	 * The {@code authentication.jwk_config} section.
	 *
	 * @param url JWK set URL
	 * @param jwtConfiguration which claims carry the user id and name
	 */
	public record JwkConfig(
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @HttpUrl @JsonSerialize(
					using = UrlSerializer.class) String url,
			@JsonProperty("jwt_configuration") JwtConfiguration jwtConfiguration) {

		public JwkConfig {
			jwtConfiguration = (jwtConfiguration != null) ? jwtConfiguration : new JwtConfiguration(null, null, null);
		}

	}

	/**
	 * The {@code authentication.jwk_config.jwt_configuration} section.
	 *
	 * @param userIdClaim claim holding the user id
	 * @param usernameClaim claim holding the user name
	 * @param roleRules the roles a token's claims give (LCS 0.3.0)
	 */
	public record JwtConfiguration(@JsonProperty("user_id_claim") String userIdClaim,
			@JsonProperty("username_claim") String usernameClaim,
			@JsonProperty("role_rules") List<JwtRoleRule> roleRules) {

		public JwtConfiguration {
			userIdClaim = (userIdClaim != null) ? userIdClaim : "user_id";
			usernameClaim = (usernameClaim != null) ? usernameClaim : "username";
			roleRules = (roleRules != null) ? List.copyOf(roleRules) : List.of();
		}

	}

}
