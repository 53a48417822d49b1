package dev.lightspeed.stack.mcp;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import dev.lightspeed.stack.auth.AuthenticatedUser;
import dev.lightspeed.stack.config.McpServerConfig;
import dev.lightspeed.stack.config.McpServersConfig;
import dev.lightspeed.stack.errors.ApiException;
import dev.lightspeed.stack.llamastack.LlamaStackApiException;
import dev.lightspeed.stack.llamastack.LlamaStackStatus;
import dev.lightspeed.stack.storage.Identifiers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Registers and unregisters MCP servers at run time (LCS 0.5's rules and answers):
 * configured servers are read-only, names are unique across both, and a server is written
 * to the database first and taken out again when Llama Stack refuses it, so a failed
 * registration leaves nothing behind. Unlike LCS, only the user who registered a server
 * may delete it.
 */
@Component
class McpServerRegistry {

	private static final Logger logger = LoggerFactory.getLogger(McpServerRegistry.class);

	private final List<McpServerConfig> configured;

	private final McpServerStore store;

	private final LlamaStackStatus llamaStack;

	McpServerRegistry(McpServersConfig configured, McpServerStore store, LlamaStackStatus llamaStack) {
		this.configured = configured.servers();
		this.store = store;
		this.llamaStack = llamaStack;
	}

	List<McpServerInfo> list() {
		List<McpServerInfo> servers = new ArrayList<>();
		this.configured.forEach((server) -> servers.add(info(server, "config")));
		this.store.list().forEach((registered) -> servers.add(info(registered.server(), "api")));
		return servers;
	}

	McpServerConfig register(AuthenticatedUser user, McpServerConfig server) {
		boolean added = !isConfigured(server.name()) && this.store
			.insert(new RegisteredMcpServer(server, user.userId(), OffsetDateTime.now(ZoneOffset.UTC)));
		if (!added) {
			throw ApiException.of(HttpStatus.CONFLICT, "Mcp Server already exists",
					"Mcp Server with name '" + server.name() + "' is already registered");
		}
		try {
			this.llamaStack.backend().registerMcpServer(server);
		}
		catch (RuntimeException ex) {
			this.store.delete(server.name());
			if (ex instanceof LlamaStackApiException refused) {
				logger.warn("Llama Stack refused MCP server {}: {}", server.name(), refused.getMessage());
				throw ApiException.of(
						(refused.upstreamStatus() < 500) ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR,
						"Failed to register MCP server", String.valueOf(refused.getMessage()));
			}
			throw ex;
		}
		logger.info("User {} registered MCP server {} at {}", user.userId(), server.name(), server.url());
		return server;
	}

	McpServerDeleteResponse delete(AuthenticatedUser user, String name) {
		if (isConfigured(name)) {
			throw ApiException.of(HttpStatus.FORBIDDEN, "Cannot delete statically configured MCP server",
					"MCP server '" + name + "' is defined in configuration and cannot be removed via the API.");
		}
		Optional<RegisteredMcpServer> registered = Identifiers.isStorable(name) ? this.store.find(name)
				: Optional.empty();
		if (registered.isEmpty()) {
			return McpServerDeleteResponse.of(name, false);
		}
		if (!registered.get().owner().equals(user.userId())) {
			throw ApiException.of(HttpStatus.FORBIDDEN, "User does not have permission to perform this action", "User "
					+ user.userId() + " does not have permission to delete MCP server with name '" + name + "'");
		}
		// Llama Stack first: when it cannot be reached the server stays whole, and the
		// client may try again; when it refuses, the server goes anyway (LCS 0.5)
		try {
			this.llamaStack.backend().unregisterMcpServer(name);
		}
		catch (LlamaStackApiException ex) {
			logger.warn("Llama Stack refused to unregister MCP server {}, removing it here anyway: {}", name,
					ex.getMessage());
		}
		boolean deleted = this.store.delete(name);
		logger.info("User {} unregistered MCP server {}", user.userId(), name);
		return McpServerDeleteResponse.of(name, deleted);
	}

	// LCS 0.4.1: the servers that take a token from the client, and its header names
	List<McpServerAuthInfo> clientAuthOptions() {
		return Stream.concat(this.configured.stream(), this.store.list().stream().map(RegisteredMcpServer::server))
			.map((server) -> new McpServerAuthInfo(server.name(),
					server.authorizationHeaders()
						.entrySet()
						.stream()
						.filter((header) -> McpServerConfig.CLIENT.equals(header.getValue().strip()))
						.map((header) -> header.getKey())
						.toList()))
			.filter((info) -> !info.clientAuthHeaders().isEmpty())
			.toList();
	}

	private boolean isConfigured(String name) {
		return this.configured.stream().anyMatch((server) -> server.name().equals(name));
	}

	private static McpServerInfo info(McpServerConfig server, String source) {
		return new McpServerInfo(server.name(), server.url(), server.providerId(), source);
	}

}
