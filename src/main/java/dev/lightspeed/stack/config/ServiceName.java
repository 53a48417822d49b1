package dev.lightspeed.stack.config;

/**
 * The top-level {@code name} of {@code lightspeed-stack.yaml}, as a bean of its own type
 * (a bare {@code String} bean would match any {@code String} injection point).
 *
 * @param value the service name, shown by {@code /} and the OpenAPI document's title
 */
public record ServiceName(String value) {

}
