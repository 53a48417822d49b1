package dev.lightspeed.stack.mcp;

/**
 * {@code DELETE /v1/mcp-servers/{name}}, in LCS 0.6+'s order: an unknown name is not an
 * error but {@code deleted: false}.
 *
 * @param deleted whether a server was removed
 * @param name the name asked for
 * @param response what happened
 */
record McpServerDeleteResponse(boolean deleted, String name, String response) {

	static McpServerDeleteResponse of(String name, boolean deleted) {
		return new McpServerDeleteResponse(deleted, name,
				deleted ? "MCP server deleted successfully" : "MCP server not found");
	}

}
