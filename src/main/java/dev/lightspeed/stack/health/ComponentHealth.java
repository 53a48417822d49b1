package dev.lightspeed.stack.health;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The answer of {@code /v1/health}.
 *
 * @param status {@code healthy}; {@code degraded} when only optional components (MCP
 * servers) fail; {@code unhealthy} when a critical one does
 * @param components each component's health
 */
record ComponentHealth(String status, List<Component> components) {

	static final String HEALTHY = "healthy";

	static final String DEGRADED = "degraded";

	static final String UNHEALTHY = "unhealthy";

	/**
	 * One component.
	 *
	 * @param name the component
	 * @param status {@code healthy} or {@code unhealthy}
	 * @param critical whether the service needs it to answer
	 * @param latencyMs how long the check took, in milliseconds
	 * @param message what the component said, or why it failed
	 */
	record Component(String name, String status, boolean critical, @JsonProperty("latency_ms") double latencyMs,
			@Nullable String message) {

		boolean healthy() {
			return HEALTHY.equals(this.status);
		}

	}

}
