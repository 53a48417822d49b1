package dev.lightspeed.stack.mcp;

import java.util.List;
import java.util.Optional;

/**
 * Keeps the MCP servers registered at run time in SQLite or PostgreSQL.
 */
interface McpServerStore {

	/**
	 * Adds a server unless one of that name exists.
	 * @param server the server
	 * @return false when the name is taken (nothing is written then)
	 */
	boolean insert(RegisteredMcpServer server);

	/**
	 * The registered servers, oldest first.
	 * @return the servers
	 */
	List<RegisteredMcpServer> list();

	/**
	 * Finds a server by name.
	 * @param name its name
	 * @return the server, empty when unknown
	 */
	Optional<RegisteredMcpServer> find(String name);

	/**
	 * Removes a server.
	 * @param name its name
	 * @return false when it was unknown
	 */
	boolean delete(String name);

}
