package dev.lightspeed.stack.mcp;

import dev.lightspeed.stack.config.LightspeedConfiguration;

/**
 * {@link McpServers} for slice tests of other features: the configured servers, nothing
 * registered at run time.
 */
public final class TestMcpServers {

	private TestMcpServers() {
	}

	/**
	 * The servers of a configuration.
	 * @param configuration the configuration
	 * @return the servers
	 */
	public static McpServers configured(LightspeedConfiguration configuration) {
		return new McpServers(configuration, new InMemoryMcpServerStore());
	}

}
