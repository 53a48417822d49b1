/**
 * MCP servers: the configured ones and those registered at run time through
 * {@code /v1/mcp-servers} (LCS 0.5), kept in the database so that replicas share them,
 * and which of them a turn offers to the model with which credentials
 * ({@code authorization_headers}, {@code MCP-HEADERS}, forwarded request headers).
 */
@NullMarked
package dev.lightspeed.stack.mcp;

import org.jspecify.annotations.NullMarked;
