package dev.lightspeed.stack.quota;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Quota and rate knobs beyond {@code lightspeed-stack.yaml} (application properties or
 * environment variables, e.g. {@code LIGHTSPEED_QUOTA_REQUESTS_PER_MINUTE=30}).
 *
 * @param reservation tokens set aside for a request before its cost is known, when no
 * request on that quota has cost more
 * @param reservationTimeout how long a reservation holds when its request never ends (the
 * process died)
 * @param requestsPerMinute the most queries a user may make per minute; 0 for no limit
 */
@ConfigurationProperties("lightspeed.quota")
record QuotaProperties(@DefaultValue("4000") long reservation, @DefaultValue("15m") Duration reservationTimeout,
		@DefaultValue("0") int requestsPerMinute) {
}
