/**
 * Kubernetes probes: {@code /readiness} asks Llama Stack for provider health,
 * {@code /liveness} always answers; both also under {@code /v1}, for GET and HEAD.
 */
@NullMarked
package dev.lightspeed.stack.health;

import org.jspecify.annotations.NullMarked;
