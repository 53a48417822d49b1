package dev.lightspeed.stack.mcp;

import dev.lightspeed.stack.config.McpServersConfig;

/**
 * {@link McpServers} for slice tests of other features: the configured servers, nothing
 * registered at run time.
 */
public final class TestMcpServers {

	private TestMcpServers() {
	}

	/**
	 * The configured servers.
	 * @param configured the {@code mcp_servers} section
	 * @return the servers
	 */
	public static McpServers configured(McpServersConfig configured) {
		return new McpServers(configured, new InMemoryMcpServerStore());
	}

}
