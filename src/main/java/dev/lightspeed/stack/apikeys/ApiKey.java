package dev.lightspeed.stack.apikeys;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lightspeed.stack.auth.ApiKeyGrant;
import org.jspecify.annotations.Nullable;

/**
 * A key as stored and shown: everything but the key itself.
 *
 * @param id the public id
 * @param keyPrefix the first characters of the key, to recognise it
 * @param name a label
 * @param userId the user the key stands for
 * @param username that user's name
 * @param roles the roles the key carries
 * @param systemPrompt the system prompt of the key's new conversations
 * @param tokenQuota tokens per {@code quotaPeriod} (or in all)
 * @param quotaPeriod when the quota is restored
 * @param requestsPerMinute the most queries per minute
 * @param status {@code active}, {@code expired} or {@code revoked}
 * @param createdAt when it was issued
 * @param expiresAt when it stops working
 * @param rotatedAt when its secret was last replaced
 * @param revokedAt when it was revoked
 */
record ApiKey(String id, @JsonProperty("key_prefix") String keyPrefix, @Nullable String name,
		@JsonProperty("user_id") String userId, String username, List<String> roles,
		@JsonProperty("system_prompt") @Nullable String systemPrompt,
		@JsonProperty("token_quota") @Nullable Long tokenQuota,
		@JsonProperty("quota_period") @Nullable String quotaPeriod,
		@JsonProperty("requests_per_minute") @Nullable Integer requestsPerMinute, String status,
		@JsonProperty("created_at") OffsetDateTime createdAt,
		@JsonProperty("expires_at") @Nullable OffsetDateTime expiresAt,
		@JsonProperty("rotated_at") @Nullable OffsetDateTime rotatedAt,
		@JsonProperty("revoked_at") @Nullable OffsetDateTime revokedAt) {

	static final String ACTIVE = "active";

	static final String EXPIRED = "expired";

	static final String REVOKED = "revoked";

	ApiKeyGrant grant() {
		return new ApiKeyGrant(this.id, this.systemPrompt, this.tokenQuota, this.quotaPeriod, this.requestsPerMinute);
	}

}
