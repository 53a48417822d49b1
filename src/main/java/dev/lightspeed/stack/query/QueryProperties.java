package dev.lightspeed.stack.query;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Service knobs beyond {@code lightspeed-stack.yaml} (set in
 * {@code application.properties} or as environment variables, e.g.
 * {@code LIGHTSPEED_QUERY_FORWARD_CALLER_TOKEN=false}).
 *
 * @param forwardCallerToken send the caller's bearer token to every MCP server when the
 * request brings no {@code MCP-HEADERS} (LCS 0.2.0 does)
 * @param streamTimeout longest a streamed answer may take
 * @param streamDialect the SSE events {@code /v1/streaming_query} writes
 */
@ConfigurationProperties("lightspeed.query")
record QueryProperties(@DefaultValue("true") boolean forwardCallerToken, @DefaultValue("10m") Duration streamTimeout,
		@DefaultValue("compatible") StreamDialect streamDialect) {
}
