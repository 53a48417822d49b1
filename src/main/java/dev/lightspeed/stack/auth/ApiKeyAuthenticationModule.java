package dev.lightspeed.stack.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import dev.lightspeed.stack.config.ApiKeyTokenConfig;
import dev.lightspeed.stack.errors.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * {@code api-key-token} (LCS 0.3.1): the bearer token must be the configured
 * {@code api_key}; its holder is the default user. The key is never passed on to MCP
 * servers (LCS passes it as the caller's token), since it opens this service.
 */
class ApiKeyAuthenticationModule implements AuthenticationModule {

	static final String INVALID_KEY = "Invalid API Key";

	private final byte @Nullable [] staticKeyDigest;

	ApiKeyAuthenticationModule(ApiKeyTokenConfig config) {
		this.staticKeyDigest = (config.apiKey() != null) ? sha256(config.apiKey()) : null;
	}

	@Override
	public AuthenticatedUser authenticate(HttpServletRequest request) {
		String key = BearerToken.orUnauthorized(request);
		// digests of equal length, compared in constant time: neither the key's content
		// nor its length shows in the response time
		if (this.staticKeyDigest != null && MessageDigest.isEqual(sha256(key), this.staticKeyDigest)) {
			return new AuthenticatedUser(NoopAuthenticationModule.DEFAULT_USER_ID,
					NoopAuthenticationModule.DEFAULT_USERNAME, true, "");
		}
		throw ApiException.text(HttpStatus.UNAUTHORIZED, INVALID_KEY);
	}

	static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

}
