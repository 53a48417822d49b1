/**
 * Kubernetes probes: {@code /readiness} asks Llama Stack for provider health,
 * {@code /liveness} always answers; both also under {@code /v1}, for GET and HEAD. And
 * {@code /v1/health}: every component the features contribute
 * ({@link dev.lightspeed.stack.health.HealthChecks}), with status and latency.
 */
@NullMarked
package dev.lightspeed.stack.health;

import org.jspecify.annotations.NullMarked;
