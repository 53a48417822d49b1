package dev.lightspeed.stack.mcp;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code POST /v1/mcp-servers}: the server registered, without its authorization headers.
 *
 * @param name its name
 * @param url its URL
 * @param providerId its Llama Stack tool runtime provider
 * @param message {@code MCP server '<name>' registered successfully}
 */
record McpServerRegistrationResponse(String name, String url, @JsonProperty("provider_id") String providerId,
		String message) {
}
