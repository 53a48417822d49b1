package dev.lightspeed.stack.storage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import dev.lightspeed.stack.config.DatabaseConfig;
import dev.lightspeed.stack.support.TestCertificate;
import dev.lightspeed.stack.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Against a real PostgreSQL: {@code eval "$(scripts/postgres-test-server.sh)"} first.
 */
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_PORT, matches = "\\d+")
class PostgresDatabaseTests {

	static final String[] TABLES = { "user_conversation", "user_feedback", "api_key", "quota_counter",
			"quota_reservation", "token_usage", "conversation_turn", "mcp_server", "knowledge_owner", "active_stream",
			"stream_listener" };

	private DataSource dataSource;

	private String namespace;

	@AfterEach
	void dropNamespace() {
		if (this.dataSource != null) {
			JdbcClient.create(this.dataSource)
				.sql("DROP SCHEMA IF EXISTS " + DataSources.quote(this.namespace) + " CASCADE")
				.update();
			DataSources.close(this.dataSource);
		}
	}

	@Test
	void theNamespaceIsCreatedAndEveryConnectionUsesIt() {
		JdbcClient jdbc = open(TestDatabases.postgres(null));
		assertThat(jdbc.sql("SELECT count(*) FROM information_schema.schemata WHERE schema_name = :ns")
			.param("ns", this.namespace)
			.query(Integer.class)
			.single()).isEqualTo(1);
		for (int i = 0; i < 3; i++) {
			assertThat(jdbc.sql("SELECT current_schema()").query(String.class).single()).isEqualTo(this.namespace);
		}
	}

	@Test
	void theTablesAreCreatedInTheNamespace() {
		JdbcClient jdbc = open(TestDatabases.postgres(null));
		DatabaseSchema.apply(this.dataSource, DatabaseVendor.POSTGRESQL);
		assertThat(tables(jdbc)).containsExactlyInAnyOrder(TABLES);
		assertThat(columns(jdbc)).containsExactly("id", "user_id", "last_used_model", "last_used_provider",
				"created_at", "last_message_at", "message_count", "topic_summary", "llama_session_id");
		assertThat(
				jdbc.sql("SELECT indexname FROM pg_indexes WHERE schemaname = :ns AND tablename = 'user_conversation'")
					.param("ns", this.namespace)
					.query(String.class)
					.list())
			.contains("ix_user_conversation_user_id");
	}

	@Test
	void theRowsOfAnLcs020TableAreKept() {
		JdbcClient jdbc = open(TestDatabases.postgres(null));
		jdbc.sql("""
				CREATE TABLE user_conversation (id VARCHAR NOT NULL PRIMARY KEY, user_id VARCHAR NOT NULL,
					last_used_model VARCHAR NOT NULL, last_used_provider VARCHAR NOT NULL,
					created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
					last_message_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL, message_count INTEGER NOT NULL)
				""").update();
		jdbc.sql("INSERT INTO user_conversation (id, user_id, last_used_model, last_used_provider, message_count)"
				+ " VALUES ('c1', 'u1', 'm', 'p', 2)")
			.update();
		DatabaseSchema.apply(this.dataSource, DatabaseVendor.POSTGRESQL);
		assertThat(
				jdbc.sql("SELECT message_count FROM user_conversation WHERE id = 'c1'").query(Integer.class).single())
			.isEqualTo(2);
		assertThat(columns(jdbc)).contains("topic_summary", "llama_session_id");
	}

	@Test
	void replicasStartingTogetherAllGetTheTables() throws Exception {
		DatabaseConfig.Postgres config = TestDatabases.postgres(null);
		JdbcClient jdbc = open(config);
		List<DataSource> replicas = new ArrayList<>();
		try (ExecutorService starts = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> applied = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				DataSource replica = DataSources.create(new DatabaseConfig(null, config));
				replicas.add(replica);
				applied.add(starts.submit(() -> DatabaseSchema.apply(replica, DatabaseVendor.POSTGRESQL)));
			}
			for (Future<?> start : applied) {
				start.get();
			}
		}
		finally {
			replicas.forEach(DataSources::close);
		}
		assertThat(tables(jdbc)).containsExactlyInAnyOrder(TABLES);
		assertThat(columns(jdbc)).endsWith("topic_summary", "llama_session_id");
	}

	@Test
	void theNamespaceMayNeedQuoting() {
		JdbcClient jdbc = open(TestDatabases.postgres("lcs \"odd\" " + System.nanoTime()));
		DatabaseSchema.apply(this.dataSource, DatabaseVendor.POSTGRESQL);
		assertThat(tables(jdbc)).contains("user_conversation");
	}

	@Test
	void verifyFullWithTheServersCaConnectsOverTls() {
		JdbcClient jdbc = open(TestDatabases.postgres("verify-full", "disable", TestDatabases.postgresCa()));
		assertThat(usesTls(jdbc)).isTrue();
	}

	@Test
	void sslModeDisableConnectsInTheClear() {
		assertThat(usesTls(open(TestDatabases.postgres("disable", "disable", null)))).isFalse();
	}

	@Test
	void aCaThatDidNotSignTheServerCertificateIsRefused(@TempDir Path directory) {
		Path otherCa = TestCertificate.localhost().writeCertificate(directory.resolve("other-ca.crt"));
		DatabaseConfig.Postgres config = TestDatabases.postgres("verify-full", "disable", otherCa.toString());
		assertThatExceptionOfType(DatabaseStartupException.class)
			.isThrownBy(() -> DataSources.create(new DatabaseConfig(null, config)))
			.withMessageStartingWith("Database connection failed: ")
			.withMessageContaining("SSL");
	}

	@Test
	void gssEncModeRequireIsRefusedByAServerWithoutGssEncryption() {
		DatabaseConfig.Postgres config = TestDatabases.postgres("disable", "require", null);
		assertThatExceptionOfType(DatabaseStartupException.class)
			.isThrownBy(() -> DataSources.create(new DatabaseConfig(null, config)))
			.withMessageStartingWith("Database connection failed: ")
			.withMessageContaining("GSS");
	}

	@Test
	void anUnreachableServerFailsWithAClearMessage() {
		DatabaseConfig.Postgres config = TestDatabases.postgres("unreachable");
		DatabaseConfig.Postgres wrongPort = new DatabaseConfig.Postgres(config.host(), 1, config.db(), config.user(),
				config.password(), config.namespace(), "disable", "disable", null);
		assertThatExceptionOfType(DatabaseStartupException.class)
			.isThrownBy(() -> DataSources.create(new DatabaseConfig(null, wrongPort)))
			.withMessageStartingWith("Database connection failed: ");
	}

	private JdbcClient open(DatabaseConfig.Postgres config) {
		this.namespace = config.namespace();
		this.dataSource = DataSources.create(new DatabaseConfig(null, config));
		return JdbcClient.create(this.dataSource);
	}

	private static boolean usesTls(JdbcClient jdbc) {
		return jdbc.sql("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").query(Boolean.class).single();
	}

	private List<String> tables(JdbcClient jdbc) {
		return jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = :ns")
			.param("ns", this.namespace)
			.query(String.class)
			.list();
	}

	private List<String> columns(JdbcClient jdbc) {
		return jdbc
			.sql("SELECT column_name FROM information_schema.columns WHERE table_schema = :ns"
					+ " AND table_name = 'user_conversation' ORDER BY ordinal_position")
			.param("ns", this.namespace)
			.query(String.class)
			.list();
	}

}
