package dev.lightspeed.stack.apikeys;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import dev.lightspeed.stack.storage.DatabaseVendor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link ApiKeyStore} does on every database it supports.
 */
abstract class ApiKeyStoreContract {

	static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");

	JdbcClient jdbc;

	ApiKeyStore store;

	abstract JdbcClient jdbc();

	abstract DatabaseVendor vendor();

	@BeforeEach
	void createStore() {
		this.jdbc = jdbc();
		this.store = new ApiKeyStore(this.jdbc, vendor(), Clock.fixed(NOW, ZoneOffset.UTC));
	}

	@Test
	void aKeyShouldBeFoundByIdAndDigestWithEverythingItCarries() {
		ApiKeyRequest request = new ApiKeyRequest("alice", "Alice", "ci", List.of("reader", "writer"), "Be brief.",
				5000L, "1 day", 30, "2027-01-01T00:00:00Z");
		this.store.insert("0123456789abcdef", "digest-1", "lsk_abcdefgh", request, at(NOW));
		ApiKey expected = new ApiKey("0123456789abcdef", "lsk_abcdefgh", "ci", "alice", "Alice",
				List.of("reader", "writer"), "Be brief.", 5000L, "1 day", 30, ApiKey.ACTIVE, at(NOW),
				at(Instant.parse("2027-01-01T00:00:00Z")), null, null);
		assertThat(this.store.find("0123456789abcdef")).hasValue(expected);
		assertThat(this.store.findByHash("digest-1")).hasValue(expected);
		assertThat(this.store.findByHash("digest-2")).isEmpty();
		assertThat(this.jdbc.sql("SELECT key_hash FROM api_key").query(String.class).single()).isEqualTo("digest-1");
	}

	@Test
	void optionalValuesShouldStayAbsent() {
		this.store.insert("0000000000000001", "d", "lsk_x", request("bob"), at(NOW));
		ApiKey key = this.store.find("0000000000000001").orElseThrow();
		assertThat(key.username()).isEqualTo("bob");
		assertThat(key.roles()).isEmpty();
		assertThat(key.tokenQuota()).isNull();
		assertThat(key.requestsPerMinute()).isNull();
		assertThat(key.expiresAt()).isNull();
	}

	@Test
	void rotationShouldReplaceTheDigestOfAnActiveKeyOnly() {
		this.store.insert("0000000000000001", "old", "lsk_old", request("bob"), at(NOW));
		assertThat(this.store.rotate("0000000000000001", "new", "lsk_new", at(NOW.plusSeconds(60)))).isTrue();
		assertThat(this.store.findByHash("old")).isEmpty();
		assertThat(this.store.findByHash("new").orElseThrow().rotatedAt()).isEqualTo(at(NOW.plusSeconds(60)));
		this.store.revoke("0000000000000001", at(NOW.plusSeconds(120)));
		assertThat(this.store.rotate("0000000000000001", "newer", "lsk_newer", at(NOW.plusSeconds(180)))).isFalse();
		assertThat(this.store.findByHash("new").orElseThrow().status()).isEqualTo(ApiKey.REVOKED);
	}

	@Test
	void revokingTwiceShouldKeepTheFirstTime() {
		this.store.insert("0000000000000001", "d", "lsk_x", request("bob"), at(NOW));
		this.store.revoke("0000000000000001", at(NOW.plusSeconds(1)));
		this.store.revoke("0000000000000001", at(NOW.plusSeconds(2)));
		assertThat(this.store.find("0000000000000001").orElseThrow().revokedAt()).isEqualTo(at(NOW.plusSeconds(1)));
	}

	@Test
	void aKeyPastItsExpiryShouldBeShownExpired() {
		this.store.insert("0000000000000001", "d", "lsk_x",
				new ApiKeyRequest("bob", null, null, null, null, null, null, null, "2026-11-02T09:59:59Z"), at(NOW));
		assertThat(this.store.find("0000000000000001").orElseThrow().status()).isEqualTo(ApiKey.EXPIRED);
	}

	@Test
	void listShouldShowNewestFirst() {
		this.store.insert("0000000000000001", "a", "lsk_a", request("a"), at(NOW));
		this.store.insert("0000000000000002", "b", "lsk_b", request("b"), at(NOW.plusSeconds(1)));
		assertThat(this.store.list()).extracting(ApiKey::id).containsExactly("0000000000000002", "0000000000000001");
	}

	static ApiKeyRequest request(String userId) {
		return new ApiKeyRequest(userId, null, null, null, null, null, null, null, null);
	}

	static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
