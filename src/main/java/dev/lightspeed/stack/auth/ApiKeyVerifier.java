package dev.lightspeed.stack.auth;

import java.util.Optional;

/**
 * Recognises the API keys kept in the database, for the {@code api-key-token} module.
 */
public interface ApiKeyVerifier {

	/**
	 * The caller a key stands for.
	 * @param key the key as presented
	 * @return the caller; empty when no active key matches (unknown, revoked, rotated
	 * away)
	 * @throws dev.lightspeed.stack.errors.ApiException 401 when the key has expired
	 */
	Optional<AuthenticatedUser> verify(String key);

}
