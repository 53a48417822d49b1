package dev.lightspeed.stack.info;

/**
 * The answer of {@code /v1/info}.
 *
 * @param name the configured service name
 * @param version the service version
 */
record InfoResponse(String name, String version) {
}
