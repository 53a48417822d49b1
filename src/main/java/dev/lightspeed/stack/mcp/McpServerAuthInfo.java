package dev.lightspeed.stack.mcp;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An MCP server that takes a token from the client.
 *
 * @param name the server's name, the key of its entry in {@code MCP-HEADERS}
 * @param clientAuthHeaders the headers the client is to send it
 */
record McpServerAuthInfo(String name, @JsonProperty("client_auth_headers") List<String> clientAuthHeaders) {
}
