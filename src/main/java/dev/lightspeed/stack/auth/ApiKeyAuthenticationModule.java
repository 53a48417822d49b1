package dev.lightspeed.stack.auth;

import dev.lightspeed.stack.config.ApiKeyTokenConfig;
import dev.lightspeed.stack.errors.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * {@code api-key-token}: the bearer token is the configured static {@code api_key} (LCS
 * 0.3.1; its holder is the default user) or a key of the database, which names its own
 * user, roles and limits. A key is never passed on to MCP servers (LCS passes it as the
 * caller's token), since it opens this service.
 */
class ApiKeyAuthenticationModule implements AuthenticationModule {

	static final String INVALID_KEY = "Invalid API Key";

	private final @Nullable KeyDigest staticKey;

	private final @Nullable ApiKeyVerifier managedKeys;

	ApiKeyAuthenticationModule(ApiKeyTokenConfig config, @Nullable ApiKeyVerifier managedKeys) {
		this.staticKey = (config.apiKey() != null) ? KeyDigest.of(config.apiKey()) : null;
		this.managedKeys = managedKeys;
	}

	@Override
	public AuthenticatedUser authenticate(HttpServletRequest request) {
		String key = BearerToken.orUnauthorized(request);
		if (this.staticKey != null && this.staticKey.matches(key)) {
			return new AuthenticatedUser(NoopAuthenticationModule.DEFAULT_USER_ID,
					NoopAuthenticationModule.DEFAULT_USERNAME, true, "");
		}
		if (this.managedKeys != null) {
			return this.managedKeys.verify(key).orElseThrow(ApiKeyAuthenticationModule::invalidKey);
		}
		throw invalidKey();
	}

	private static ApiException invalidKey() {
		return ApiException.text(HttpStatus.UNAUTHORIZED, INVALID_KEY);
	}

}
