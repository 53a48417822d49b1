package dev.lightspeed.stack.apikeys;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.lightspeed.stack.auth.ApiKeyVerifier;
import dev.lightspeed.stack.auth.AuthenticatedUser;
import dev.lightspeed.stack.auth.KeyDigest;
import dev.lightspeed.stack.errors.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;

/**
 * Issues, lists, rotates and revokes keys, and recognises them. Every admin action is
 * logged on the {@code lightspeed.audit} logger, with who did it and when; never a key.
 */
class ApiKeyService implements ApiKeyVerifier {

	private static final Logger audit = LoggerFactory.getLogger("lightspeed.audit");

	private static final Logger logger = LoggerFactory.getLogger(ApiKeyService.class);

	private final ApiKeyStore store;

	private final Clock clock;

	ApiKeyService(ApiKeyStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	IssuedApiKey issue(ApiKeyRequest request, String actor) {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		OffsetDateTime expiry = request.expiry();
		if (expiry != null && !expiry.isAfter(now)) {
			throw ApiException.of(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid API key request",
					"expires_at " + request.expiresAt() + " is not in the future");
		}
		String id = ApiKeySecrets.newId();
		String key = ApiKeySecrets.newKey();
		this.store.insert(id, KeyDigest.hex(key), ApiKeySecrets.shown(key), request, now);
		log(actor, now, "issued API key " + id + " for user " + request.userId() + " with roles " + request.roles());
		return new IssuedApiKey(key, get(id));
	}

	List<ApiKey> list(String actor) {
		log(actor, OffsetDateTime.now(this.clock), "listed API keys");
		return this.store.list();
	}

	ApiKey show(String id, String actor) {
		ApiKey key = get(id);
		log(actor, OffsetDateTime.now(this.clock), "read API key " + id);
		return key;
	}

	IssuedApiKey rotate(String id, String actor) {
		get(id);
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		String key = ApiKeySecrets.newKey();
		if (!this.store.rotate(id, KeyDigest.hex(key), ApiKeySecrets.shown(key), now)) {
			throw ApiException.of(HttpStatus.CONFLICT, "API key revoked",
					"API key " + id + " is revoked and cannot be rotated");
		}
		log(actor, now, "rotated API key " + id);
		return new IssuedApiKey(key, get(id));
	}

	ApiKey revoke(String id, String actor) {
		get(id);
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		this.store.revoke(id, now);
		log(actor, now, "revoked API key " + id);
		return get(id);
	}

	@Override
	public Optional<AuthenticatedUser> verify(String key) {
		// anything else cannot be one of our keys: no database round trip for it
		if (!ApiKeySecrets.looksLikeKey(key)) {
			return Optional.empty();
		}
		Optional<ApiKey> found;
		try {
			found = this.store.findByHash(KeyDigest.hex(key));
		}
		catch (DataAccessException ex) {
			logger.warn("API keys cannot be read: {}", ex.getMostSpecificCause().getMessage());
			throw ApiException.of(HttpStatus.SERVICE_UNAVAILABLE, "Unable to verify API key",
					"The API key database could not be read");
		}
		return found.filter((stored) -> !ApiKey.REVOKED.equals(stored.status())).map((stored) -> {
			if (ApiKey.EXPIRED.equals(stored.status())) {
				throw ApiException.text(HttpStatus.UNAUTHORIZED, "API key has expired");
			}
			return new AuthenticatedUser(stored.userId(), stored.username(), false, "", Set.copyOf(stored.roles()),
					stored.grant());
		});
	}

	private ApiKey get(String id) {
		return (ApiKeySecrets.isId(id) ? this.store.find(id) : Optional.<ApiKey>empty()).orElseThrow(
				() -> ApiException.of(HttpStatus.NOT_FOUND, "API key not found", "API key " + id + " does not exist"));
	}

	private static void log(String actor, OffsetDateTime when, String what) {
		audit.info("Admin action by {} at {}: {}", actor, when, what);
	}

}
