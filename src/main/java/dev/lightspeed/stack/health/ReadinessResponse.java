package dev.lightspeed.stack.health;

import java.util.List;

/**
 * The answer of {@code /readiness}.
 *
 * @param ready whether every provider is healthy
 * @param reason why (not) ready
 * @param providers the unhealthy providers
 */
record ReadinessResponse(boolean ready, String reason, List<ProviderHealthStatus> providers) {
}
