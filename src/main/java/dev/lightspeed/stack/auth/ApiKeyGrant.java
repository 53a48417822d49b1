package dev.lightspeed.stack.auth;

import org.jspecify.annotations.Nullable;

/**
 * What a managed API key grants beyond its user and roles.
 *
 * @param keyId the key's public id
 * @param systemPrompt the system prompt of the key's conversations, or null
 * @param tokenQuota tokens the key may spend per {@code quotaPeriod} (in all, without a
 * period), or null for no limit of its own
 * @param quotaPeriod the period after which the quota is restored, or null
 * @param requestsPerMinute the most queries the key may make per minute, or null
 */
public record ApiKeyGrant(String keyId, @Nullable String systemPrompt, @Nullable Long tokenQuota,
		@Nullable String quotaPeriod, @Nullable Integer requestsPerMinute) {
}
