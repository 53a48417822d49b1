package dev.lightspeed.stack.apikeys;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.lightspeed.stack.storage.DatabaseVendor;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code api_key} table. A key is found by the SHA-256 of what the caller presents;
 * rotating replaces the digest, so the old key stops working at once, on every replica.
 */
class ApiKeyStore {

	private static final String COLUMNS = "id, key_prefix, name, user_id, username, roles, system_prompt, "
			+ "token_quota, quota_period, requests_per_minute, created_at, expires_at, rotated_at, revoked_at";

	private static final TypeReference<List<String>> ROLES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final DatabaseVendor vendor;

	private final Clock clock;

	ApiKeyStore(JdbcClient jdbc, DatabaseVendor vendor, Clock clock) {
		this.jdbc = jdbc;
		this.vendor = vendor;
		this.clock = clock;
	}

	void insert(String id, String keyHash, String keyPrefix, ApiKeyRequest request, OffsetDateTime now) {
		this.jdbc
			.sql("INSERT INTO api_key (id, key_hash, key_prefix, name, user_id, username, roles, system_prompt, "
					+ "token_quota, quota_period, requests_per_minute, created_at, expires_at) VALUES (:id, :hash, "
					+ ":prefix, :name, :userId, :username, :roles, :prompt, :quota, :period, :rpm, :now, :expires)")
			.param("id", id)
			.param("hash", keyHash)
			.param("prefix", keyPrefix)
			.param("name", request.name())
			.param("userId", request.userId())
			.param("username", request.usernameOrUserId())
			.param("roles", JsonMapper.shared().writeValueAsString(request.roles()))
			.param("prompt", request.systemPrompt())
			.param("quota", request.tokenQuota())
			.param("period", request.quotaPeriod())
			.param("rpm", request.requestsPerMinute())
			.param("now", this.vendor.timestamp(now))
			.param("expires", timestamp(request.expiry()))
			.update();
	}

	Optional<ApiKey> find(String id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM api_key WHERE id = :id")
			.param("id", id)
			.query(this::toKey)
			.optional();
	}

	Optional<ApiKey> findByHash(String keyHash) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM api_key WHERE key_hash = :hash")
			.param("hash", keyHash)
			.query(this::toKey)
			.optional();
	}

	List<ApiKey> list() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM api_key ORDER BY created_at DESC, id")
			.query(this::toKey)
			.list();
	}

	/**
	 * Replaces the digest of a key that is not revoked.
	 * @return whether a key was rotated
	 */
	boolean rotate(String id, String keyHash, String keyPrefix, OffsetDateTime now) {
		return this.jdbc
			.sql("UPDATE api_key SET key_hash = :hash, key_prefix = :prefix, rotated_at = :now"
					+ " WHERE id = :id AND revoked_at IS NULL")
			.param("hash", keyHash)
			.param("prefix", keyPrefix)
			.param("now", this.vendor.timestamp(now))
			.param("id", id)
			.update() > 0;
	}

	/**
	 * Revokes a key; a key revoked before keeps its time.
	 */
	void revoke(String id, OffsetDateTime now) {
		this.jdbc.sql("UPDATE api_key SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
			.param("now", this.vendor.timestamp(now))
			.param("id", id)
			.update();
	}

	private @Nullable Object timestamp(@Nullable OffsetDateTime time) {
		return (time != null) ? this.vendor.timestamp(time) : null;
	}

	// SQLite's driver reads NULL as 0 through getObject(column, Long.class)
	private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	private ApiKey toKey(ResultSet rs, int row) throws SQLException {
		OffsetDateTime expiresAt = this.vendor.readTimestamp(rs, "expires_at");
		OffsetDateTime revokedAt = this.vendor.readTimestamp(rs, "revoked_at");
		String status = (revokedAt != null) ? ApiKey.REVOKED
				: (expiresAt != null && !expiresAt.isAfter(OffsetDateTime.now(this.clock))) ? ApiKey.EXPIRED
						: ApiKey.ACTIVE;
		return new ApiKey(rs.getString("id"), rs.getString("key_prefix"), rs.getString("name"), rs.getString("user_id"),
				rs.getString("username"), JsonMapper.shared().readValue(rs.getString("roles"), ROLES),
				rs.getString("system_prompt"), nullableLong(rs, "token_quota"), rs.getString("quota_period"),
				(rs.getObject("requests_per_minute") != null) ? rs.getInt("requests_per_minute") : null, status,
				Objects.requireNonNull(this.vendor.readTimestamp(rs, "created_at")), expiresAt,
				this.vendor.readTimestamp(rs, "rotated_at"), revokedAt);
	}

}
