package dev.lightspeed.stack.auth;

import dev.lightspeed.stack.config.ApiKeyTokenConfig;
import dev.lightspeed.stack.errors.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * Guards the admin API: the bearer token must be {@code api_key_config.admin_api_key}. No
 * other credential opens it, whatever its roles; without the setting the admin API is
 * off.
 */
class AdminAuthenticationModule implements AuthenticationModule {

	/** The user id of every admin request. */
	static final String ADMIN = "admin";

	private final @Nullable KeyDigest adminKey;

	AdminAuthenticationModule(@Nullable ApiKeyTokenConfig config) {
		this.adminKey = (config != null && config.adminApiKey() != null) ? KeyDigest.of(config.adminApiKey()) : null;
	}

	@Override
	public AuthenticatedUser authenticate(HttpServletRequest request) {
		if (this.adminKey == null) {
			throw ApiException.of(HttpStatus.FORBIDDEN, "The admin API is disabled",
					"It needs the api-key-token module and authentication.api_key_config.admin_api_key.");
		}
		if (!this.adminKey.matches(BearerToken.orUnauthorized(request))) {
			throw BearerToken.unauthorized("Invalid admin API key");
		}
		return new AuthenticatedUser(ADMIN, ADMIN, false, "");
	}

}
