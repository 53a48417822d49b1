package dev.lightspeed.stack.mcp;

import java.util.List;

/**
 * {@code GET /v1/mcp-servers}: the configured servers, then those registered at run time,
 * oldest first.
 *
 * @param servers the servers
 */
record McpServerListResponse(List<McpServerInfo> servers) {
}
