package dev.lightspeed.stack.mcp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.lightspeed.stack.auth.AuthenticatedUser;
import dev.lightspeed.stack.config.McpServerConfig;
import dev.lightspeed.stack.config.McpServersConfig;
import dev.lightspeed.stack.llamastack.TurnInput;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * The MCP servers a turn may offer: the configured ones, whose secret files are read once
 * here, then those registered at run time, read from the database on every turn so that a
 * registration through any replica counts from the next turn on.
 */
@Service
public class McpServers {

	private static final Logger logger = LoggerFactory.getLogger(McpServers.class);

	private final List<McpHeaders.Server> configured;

	private final McpServerStore store;

	McpServers(McpServersConfig configured, McpServerStore store) {
		this.configured = configured.servers().stream().map(McpServers::withSecrets).toList();
		this.store = store;
	}

	/**
	 * The servers this turn offers and the headers each gets.
	 * @param user the caller
	 * @param requestHeader the incoming request's headers by name, {@code MCP-HEADERS}
	 * among them
	 * @param forwardCallerToken whether the caller's token goes to the configured servers
	 * when {@code MCP-HEADERS} names none (LCS 0.2.0)
	 * @return the offer
	 */
	public Offer offer(AuthenticatedUser user, Function<String, @Nullable String> requestHeader,
			boolean forwardCallerToken) {
		List<McpHeaders.Server> servers = new ArrayList<>(this.configured);
		for (RegisteredMcpServer registered : this.store.list()) {
			servers.add(server(registered.server(), Map.of(), registered.owner()));
		}
		McpHeaders.Resolved resolved = McpHeaders.resolve(servers,
				McpHeaders.parse(requestHeader.apply(McpHeaders.HEADER)),
				new McpHeaders.Caller(user.userId(), user.token()), requestHeader, forwardCallerToken);
		return new Offer(resolved.offered()
			.stream()
			.map((server) -> new TurnInput.McpServer(server.name(), server.url()))
			.toList(), resolved.headers());
	}

	private static McpHeaders.Server withSecrets(McpServerConfig config) {
		Map<String, String> secrets = new LinkedHashMap<>();
		config.authorizationHeaders().forEach((header, source) -> {
			if (!McpServerConfig.KEYWORDS.contains(source.strip())) {
				secrets.put(header, readSecret(config.name(), header, Path.of(source.strip())));
			}
		});
		return server(config, secrets, null);
	}

	private static McpHeaders.Server server(McpServerConfig config, Map<String, String> secrets,
			@Nullable String owner) {
		Map<String, String> keywords = new LinkedHashMap<>();
		config.authorizationHeaders().forEach((header, source) -> {
			if (McpServerConfig.KEYWORDS.contains(source.strip())) {
				keywords.put(header, source.strip());
			}
		});
		return new McpHeaders.Server(config.name(), config.url(), keywords, secrets, config.headers(), owner);
	}

	// read once, never logged; an empty file leaves the header unresolved, so the server
	// is not offered (LCS warns the same way)
	private static String readSecret(String server, String header, Path file) {
		try {
			String value = Files.readString(file).strip();
			if (value.isEmpty()) {
				logger.warn("MCP server {}: the file of authorization header {} is empty; the server is not offered",
						server, header);
			}
			return value;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(
					"MCP server " + server + ": the file of authorization header " + header + " cannot be read", ex);
		}
	}

	/**
	 * What a turn offers.
	 *
	 * @param servers the servers, configured ones first
	 * @param headers server URL to the headers sent to it
	 */
	public record Offer(List<TurnInput.McpServer> servers, Map<String, Map<String, String>> headers) {

		/**
		 * No server offered.
		 */
		public static final Offer NONE = new Offer(List.of(), Map.of());

	}

}
