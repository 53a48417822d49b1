package dev.lightspeed.stack.health;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One unhealthy provider in a readiness answer.
 *
 * @param providerId provider id, {@code unknown} when the check itself failed
 * @param status the provider's status
 * @param message what it said
 */
record ProviderHealthStatus(@JsonProperty("provider_id") String providerId, String status, @Nullable String message) {
}
