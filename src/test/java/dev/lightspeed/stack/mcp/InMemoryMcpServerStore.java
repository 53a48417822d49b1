package dev.lightspeed.stack.mcp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@link McpServerStore} in memory, for slice tests.
 */
class InMemoryMcpServerStore implements McpServerStore {

	private final Map<String, RegisteredMcpServer> servers = new ConcurrentHashMap<>();

	private final List<String> order = new ArrayList<>();

	@Override
	public synchronized boolean insert(RegisteredMcpServer server) {
		if (this.servers.putIfAbsent(server.server().name(), server) != null) {
			return false;
		}
		this.order.add(server.server().name());
		return true;
	}

	@Override
	public synchronized List<RegisteredMcpServer> list() {
		return this.order.stream().map(this.servers::get).toList();
	}

	@Override
	public Optional<RegisteredMcpServer> find(String name) {
		return Optional.ofNullable(this.servers.get(name));
	}

	@Override
	public synchronized boolean delete(String name) {
		this.order.remove(name);
		return this.servers.remove(name) != null;
	}

}
