package dev.lightspeed.stack.mcp;

import java.util.List;

/**
 * {@code GET /v1/mcp-auth/client-options} (LCS 0.4.1): the servers whose
 * {@code authorization_headers} say {@code client}, so a client knows which tokens to ask
 * its user for.
 *
 * @param servers the servers
 */
record McpClientAuthOptionsResponse(List<McpServerAuthInfo> servers) {
}
