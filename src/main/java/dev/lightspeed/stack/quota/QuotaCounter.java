package dev.lightspeed.stack.quota;

import dev.lightspeed.stack.errors.ApiException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * One quota of one subject: a user's share of a {@code user_limiter}, the whole cluster's
 * {@code cluster_limiter}, or an API key's own quota.
 *
 * @param limiter the quota's name, as {@code available_quotas} shows it
 * @param subjectId the user id, the key id, or empty for the cluster
 * @param kind {@code u} user, {@code c} cluster, {@code k} API key (LCS's subject
 * letters)
 * @param initialQuota tokens at the start of each period; 0 to keep what is left
 * @param quotaIncrease tokens added at the end of each period
 * @param period when the quota is restored, null for never
 */
record QuotaCounter(String limiter, String subjectId, char kind, long initialQuota, long quotaIncrease,
		@Nullable String period) {

	/**
	 * LCS's 429 for a quota with nothing left (nothing that running requests have not set
	 * aside either).
	 * @return the failure
	 */
	ApiException exhausted() {
		String subject = switch (this.kind) {
			case 'u' -> "User " + this.subjectId;
			case 'c' -> "Cluster";
			default -> "API key " + this.subjectId;
		};
		return ApiException.of(HttpStatus.TOO_MANY_REQUESTS, "The quota has been exceeded",
				subject + " has no available tokens");
	}

}
