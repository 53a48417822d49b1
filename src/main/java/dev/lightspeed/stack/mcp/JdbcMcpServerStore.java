package dev.lightspeed.stack.mcp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.lightspeed.stack.config.McpServerConfig;
import dev.lightspeed.stack.storage.DatabaseVendor;
import dev.lightspeed.stack.storage.Identifiers;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@link McpServerStore} on the {@code mcp_server} table; the header maps and lists are
 * JSON text. Every value is a bind parameter, and one statement inserts unless the name
 * is taken, so two registrations of one name cannot both succeed.
 */
@Repository
class JdbcMcpServerStore implements McpServerStore {

	private static final String COLUMNS = "name, url, provider_id, authorization_headers, headers, timeout, user_id, "
			+ "created_at";

	private static final JsonMapper JSON = JsonMapper.shared();

	private final JdbcClient jdbc;

	private final DatabaseVendor vendor;

	JdbcMcpServerStore(JdbcClient jdbc, DatabaseVendor vendor) {
		this.jdbc = jdbc;
		this.vendor = vendor;
	}

	@Override
	public boolean insert(RegisteredMcpServer registered) {
		McpServerConfig server = registered.server();
		return this.jdbc
			.sql("INSERT INTO mcp_server (" + COLUMNS + ") VALUES (:name, :url, :providerId, :authorizationHeaders,"
					+ " :headers, :timeout, :userId, :createdAt) ON CONFLICT (name) DO NOTHING")
			.param("name", Identifiers.requireStorable("MCP server name", server.name()))
			.param("url", server.url())
			.param("providerId", server.providerId())
			.param("authorizationHeaders", JSON.writeValueAsString(server.authorizationHeaders()))
			.param("headers", JSON.writeValueAsString(server.headers()))
			.param("timeout", server.timeout())
			.param("userId", Identifiers.requireStorable("user id", registered.owner()))
			.param("createdAt", this.vendor.timestamp(registered.createdAt()))
			.update() > 0;
	}

	@Override
	public List<RegisteredMcpServer> list() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM mcp_server ORDER BY created_at, name")
			.query(this::toServer)
			.list();
	}

	@Override
	public Optional<RegisteredMcpServer> find(String name) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM mcp_server WHERE name = :name")
			.param("name", Identifiers.requireStorable("MCP server name", name))
			.query(this::toServer)
			.optional();
	}

	@Override
	public boolean delete(String name) {
		return this.jdbc.sql("DELETE FROM mcp_server WHERE name = :name")
			.param("name", Identifiers.requireStorable("MCP server name", name))
			.update() > 0;
	}

	private RegisteredMcpServer toServer(ResultSet rs, int row) throws SQLException {
		int seconds = rs.getInt("timeout");
		Integer timeout = rs.wasNull() ? null : seconds;
		McpServerConfig server = new McpServerConfig(rs.getString("name"), rs.getString("provider_id"),
				rs.getString("url"),
				JSON.readValue(rs.getString("authorization_headers"), new TypeReference<Map<String, String>>() {
				}), JSON.readValue(rs.getString("headers"), new TypeReference<List<String>>() {
				}), timeout);
		return new RegisteredMcpServer(server, rs.getString("user_id"),
				Objects.requireNonNull(this.vendor.readTimestamp(rs, "created_at")));
	}

}
