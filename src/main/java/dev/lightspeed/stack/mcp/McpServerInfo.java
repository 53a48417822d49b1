package dev.lightspeed.stack.mcp;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One MCP server of {@code GET /v1/mcp-servers} ({@code MCPServerInfo} in LCS 0.5+): no
 * credentials, only where it is and where it came from.
 *
 * @param name its name
 * @param url its URL
 * @param providerId its Llama Stack tool runtime provider
 * @param source {@code config} (lightspeed-stack.yaml, read-only) or {@code api}
 * (registered at run time)
 */
record McpServerInfo(String name, String url, @JsonProperty("provider_id") String providerId, String source) {
}
