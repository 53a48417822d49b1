package dev.lightspeed.stack.config;

import java.util.List;

/**
 * The {@code mcp_servers} section as one bean: injecting {@code List<McpServerConfig>}
 * would make Spring collect beans of that type instead.
 *
 * @param servers the usable servers, in file order
 */
public record McpServersConfig(List<McpServerConfig> servers) {

	public McpServersConfig {
		servers = List.copyOf(servers);
	}

}
