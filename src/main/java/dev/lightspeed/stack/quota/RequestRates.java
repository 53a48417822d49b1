package dev.lightspeed.stack.quota;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import dev.lightspeed.stack.auth.ApiKeyGrant;
import dev.lightspeed.stack.auth.AuthenticatedUser;
import dev.lightspeed.stack.errors.ApiException;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Queries per minute, per user ({@code lightspeed.quota.requests-per-minute}) and per API
 * key (its {@code requests_per_minute}): a token bucket each, refilled continuously. The
 * buckets live in this process; with several replicas each allows the rate.
 */
class RequestRates {

	private static final int EVICT_ABOVE = 10_000;

	private final int perUser;

	private final Map<String, Limited> buckets = new ConcurrentHashMap<>();

	RequestRates(int perUser) {
		this.perUser = perUser;
	}

	/**
	 * Takes one request from the caller's buckets.
	 * @param user the caller
	 * @throws ApiException 429 with {@code Retry-After} when a bucket is empty
	 */
	void take(AuthenticatedUser user) {
		ApiKeyGrant key = user.apiKey();
		if (key != null && key.requestsPerMinute() != null) {
			take("k:" + key.keyId(), key.requestsPerMinute(), "API key " + key.keyId());
		}
		if (this.perUser > 0) {
			take("u:" + user.userId(), this.perUser, "User " + user.userId());
		}
	}

	private void take(String subject, int perMinute, String who) {
		if (this.buckets.size() > EVICT_ABOVE) {
			evictIdle();
		}
		Limited limited = this.buckets.computeIfAbsent(subject,
				(name) -> new Limited(Bucket.builder()
					.addLimit((limit) -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
					.build(), perMinute));
		ConsumptionProbe probe = limited.bucket().tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999));
			throw ApiException
				.of(HttpStatus.TOO_MANY_REQUESTS, "The request rate limit has been exceeded",
						who + " may make " + perMinute + " requests per minute; retry in " + seconds + " s")
				.withHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
		}
	}

	// a full bucket is the same as a new one: forgetting it changes nothing
	void evictIdle() {
		this.buckets.values().removeIf((limited) -> limited.bucket().getAvailableTokens() >= limited.capacity());
	}

	private record Limited(Bucket bucket, int capacity) {
	}

}
