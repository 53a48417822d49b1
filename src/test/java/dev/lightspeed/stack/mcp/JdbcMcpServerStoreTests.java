package dev.lightspeed.stack.mcp;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import javax.sql.DataSource;

import dev.lightspeed.stack.config.DatabaseConfig;
import dev.lightspeed.stack.config.McpServerConfig;
import dev.lightspeed.stack.storage.DataSources;
import dev.lightspeed.stack.storage.DatabaseSchema;
import dev.lightspeed.stack.storage.DatabaseVendor;
import dev.lightspeed.stack.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The {@code mcp_server} table on SQLite and, when {@code scripts/with-postgres.sh} (or
 * {@code scripts/postgres-test-server.sh}) provides one, PostgreSQL.
 */
class JdbcMcpServerStoreTests {

	private static final OffsetDateTime MONDAY = OffsetDateTime.parse("2026-11-30T09:00:00.123456Z");

	@TempDir
	Path directory;

	private final List<DataSource> dataSources = new ArrayList<>();

	private final List<Runnable> cleanUp = new ArrayList<>();

	static Stream<DatabaseVendor> databases() {
		return (System.getenv(TestDatabases.POSTGRES_PORT) != null)
				? Stream.of(DatabaseVendor.SQLITE, DatabaseVendor.POSTGRESQL) : Stream.of(DatabaseVendor.SQLITE);
	}

	private JdbcMcpServerStore store(DatabaseVendor vendor) {
		DataSource dataSource;
		if (vendor == DatabaseVendor.SQLITE) {
			dataSource = TestDatabases.sqlite(this.directory);
		}
		else {
			DatabaseConfig.Postgres config = TestDatabases.postgres(null);
			dataSource = DataSources.create(new DatabaseConfig(null, config));
			DatabaseSchema.apply(dataSource, vendor);
			this.cleanUp.add(() -> JdbcClient.create(dataSource)
				.sql("DROP SCHEMA \"" + config.namespace() + "\" CASCADE")
				.update());
		}
		this.dataSources.add(dataSource);
		return new JdbcMcpServerStore(JdbcClient.create(dataSource), vendor);
	}

	@AfterEach
	void close() {
		this.cleanUp.forEach(Runnable::run);
		this.dataSources.forEach(DataSources::close);
	}

	private static RegisteredMcpServer server(String name, String owner, OffsetDateTime at) {
		Map<String, String> authorization = new LinkedHashMap<>();
		authorization.put("Authorization", "client");
		authorization.put("X-Cluster", "kubernetes");
		return new RegisteredMcpServer(new McpServerConfig(name, "model-context-protocol", "http://" + name + "/mcp",
				authorization, List.of("x-rh-identity"), 30), owner, at);
	}

	@ParameterizedTest
	@MethodSource("databases")
	void aServerIsKeptWithEverySetting(DatabaseVendor vendor) {
		JdbcMcpServerStore store = store(vendor);
		RegisteredMcpServer tools = server("tools", "alice", MONDAY);
		RegisteredMcpServer bare = new RegisteredMcpServer(new McpServerConfig("bare", "other", "https://bare"), "bob",
				MONDAY.plusMinutes(1));
		assertThat(store.insert(tools)).isTrue();
		assertThat(store.insert(bare)).isTrue();
		assertThat(store.find("tools")).hasValue(tools);
		assertThat(store.find("tools").orElseThrow().server().authorizationHeaders().keySet())
			.containsExactly("Authorization", "X-Cluster");
		assertThat(store.find("bare")).hasValue(bare);
		assertThat(store.find("nothing")).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("databases")
	void aTakenNameIsRefusedAndTheFirstServerKept(DatabaseVendor vendor) {
		JdbcMcpServerStore store = store(vendor);
		store.insert(server("tools", "alice", MONDAY));
		assertThat(store.insert(server("tools", "bob", MONDAY.plusDays(1)))).isFalse();
		assertThat(store.find("tools").orElseThrow().owner()).isEqualTo("alice");
	}

	@ParameterizedTest
	@MethodSource("databases")
	void ofConcurrentRegistrationsOfOneNameExactlyOneWins(DatabaseVendor vendor) throws Exception {
		JdbcMcpServerStore store = store(vendor);
		List<Callable<Boolean>> registrations = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			String owner = "user-" + i;
			registrations.add(() -> store.insert(server("contested", owner, MONDAY)));
		}
		try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
			List<Boolean> results = new ArrayList<>();
			for (Future<Boolean> result : threads.invokeAll(registrations)) {
				results.add(result.get());
			}
			assertThat(results).containsOnlyOnce(true);
		}
		assertThat(store.list()).hasSize(1);
	}

	@ParameterizedTest
	@MethodSource("databases")
	void serversAreListedOldestFirstAndDeletedByName(DatabaseVendor vendor) {
		JdbcMcpServerStore store = store(vendor);
		store.insert(server("newer", "alice", MONDAY.plusHours(1)));
		store.insert(server("older", "bob", MONDAY));
		assertThat(store.list()).extracting((registered) -> registered.server().name())
			.containsExactly("older", "newer");
		assertThat(store.delete("older")).isTrue();
		assertThat(store.delete("older")).isFalse();
		assertThat(store.list()).extracting((registered) -> registered.server().name()).containsExactly("newer");
	}

	@ParameterizedTest
	@MethodSource("databases")
	void aNameThatCannotBeStoredNeverReachesSql(DatabaseVendor vendor) {
		JdbcMcpServerStore store = store(vendor);
		// the longest name POST /v1/mcp-servers accepts
		assertThat(store.insert(server("n".repeat(255), "alice", MONDAY))).isTrue();
		assertThatIllegalArgumentException().isThrownBy(() -> store.find("a\u0000b"));
		assertThatIllegalArgumentException().isThrownBy(() -> store.delete("x".repeat(300)));
	}

}
