package dev.lightspeed.stack.mcp;

import java.time.OffsetDateTime;

import dev.lightspeed.stack.config.McpServerConfig;

/**
 * An MCP server registered at run time: its settings, who registered it and when.
 *
 * @param server its settings, as a configured server has them
 * @param owner the user id of who registered it, the only one who may delete it
 * @param createdAt when it was registered
 */
record RegisteredMcpServer(McpServerConfig server, String owner, OffsetDateTime createdAt) {
}
