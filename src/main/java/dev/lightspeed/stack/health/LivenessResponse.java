package dev.lightspeed.stack.health;

/**
 * The answer of {@code /liveness}.
 *
 * @param alive always true
 */
record LivenessResponse(boolean alive) {
}
