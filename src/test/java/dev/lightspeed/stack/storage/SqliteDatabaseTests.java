package dev.lightspeed.stack.storage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.commons.dbcp2.DelegatingStatement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConnection;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SqliteDatabaseTests {

	/** The table exactly as LCS 0.2.0 (SQLAlchemy) creates it on SQLite. */
	static final String LCS_0_2_0_TABLE = """
			CREATE TABLE user_conversation (
				id VARCHAR NOT NULL,
				user_id VARCHAR NOT NULL,
				last_used_model VARCHAR NOT NULL,
				last_used_provider VARCHAR NOT NULL,
				created_at DATETIME DEFAULT (CURRENT_TIMESTAMP) NOT NULL,
				last_message_at DATETIME DEFAULT (CURRENT_TIMESTAMP) NOT NULL,
				message_count INTEGER NOT NULL,
				PRIMARY KEY (id)
			)""";

	@TempDir
	Path directory;

	private DataSource dataSource;

	@AfterEach
	void close() {
		if (this.dataSource != null) {
			DataSources.close(this.dataSource);
		}
	}

	@Test
	void aMissingDirectoryFailsWithLcsMessage() {
		String path = this.directory.resolve("missing/lightspeed.db").toString();
		assertThatExceptionOfType(DatabaseStartupException.class).isThrownBy(() -> DataSources.sqlite(path))
			.withMessage("SQLite database directory does not exist: " + path);
	}

	@Test
	void connectionsUseWalAndABusyTimeout() {
		JdbcClient jdbc = open();
		assertThat(jdbc.sql("PRAGMA journal_mode").query(String.class).single()).isEqualTo("wal");
		assertThat(jdbc.sql("PRAGMA busy_timeout").query(Integer.class).single()).isEqualTo(5000);
	}

	@Test
	void connectionsSyncAtCheckpointsAndReadNoGeneratedKeys() throws SQLException {
		JdbcClient jdbc = open();
		assertThat(jdbc.sql("PRAGMA synchronous").query(Integer.class).single()).isEqualTo(1);
		try (Connection connection = this.dataSource.getConnection()) {
			assertThat(connection.unwrap(SQLiteConnection.class).getConnectionConfig().isGetGeneratedKeys()).isFalse();
		}
	}

	@Test
	void theConnectionKeepsItsPreparedStatements() throws SQLException {
		open();
		Statement first = preparedAndClosed("SELECT 1");
		assertThat(preparedAndClosed("SELECT 2")).isNotSameAs(first);
		assertThat(preparedAndClosed("SELECT 1")).isSameAs(first);
	}

	@Test
	void anEmptyDatabaseGetsTheTablesAndIndexes() {
		JdbcClient jdbc = open();
		DatabaseSchema.apply(this.dataSource, DatabaseVendor.SQLITE);
		assertThat(columns(jdbc, "user_conversation")).containsExactly("id", "user_id", "last_used_model",
				"last_used_provider", "created_at", "last_message_at", "message_count", "topic_summary",
				"llama_session_id");
		assertThat(jdbc.sql("SELECT name FROM pragma_index_list('user_conversation')").query(String.class).list())
			.contains("ix_user_conversation_user_id");
		assertThat(columns(jdbc, "user_feedback")).contains("id", "user_id", "categories");
		assertThat(jdbc.sql("SELECT name FROM pragma_index_list('user_feedback')").query(String.class).list())
			.contains("ix_user_feedback_conversation_id");
		assertThat(columns(jdbc, "mcp_server")).containsExactly("name", "url", "provider_id", "authorization_headers",
				"headers", "timeout", "user_id", "created_at");
	}

	@Test
	void aQuotaDatabaseOfItsOwnGetsTheQuotaTablesOnly() {
		JdbcClient jdbc = open();
		DatabaseSchema.applyQuotaTables(this.dataSource, DatabaseVendor.SQLITE);
		assertThat(jdbc.sql("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
			.query(String.class)
			.list()).containsExactly("quota_counter", "quota_reservation", "token_usage");
		assertThat(columns(jdbc, "token_usage")).containsExactly("user_id", "provider", "model", "input_tokens",
				"output_tokens", "updated_at");
	}

	@Test
	void anLcs020DatabaseKeepsItsRowsAndGetsTheNewColumnsAndTable() {
		JdbcClient jdbc = open();
		jdbc.sql(LCS_0_2_0_TABLE).update();
		jdbc.sql("CREATE INDEX ix_user_conversation_user_id ON user_conversation (user_id)").update();
		jdbc.sql("INSERT INTO user_conversation (id, user_id, last_used_model, last_used_provider, message_count)"
				+ " VALUES ('c1', 'u1', 'm', 'p', 3)")
			.update();
		DatabaseSchema.apply(this.dataSource, DatabaseVendor.SQLITE);
		assertThat(columns(jdbc, "user_conversation")).endsWith("topic_summary", "llama_session_id");
		assertThat(columns(jdbc, "user_feedback")).isNotEmpty();
		assertThat(columns(jdbc, "mcp_server")).isNotEmpty();
		assertThat(jdbc
			.sql("SELECT user_id || '/' || message_count || '/' || coalesce(topic_summary, 'none')"
					+ " FROM user_conversation WHERE id = 'c1'")
			.query(String.class)
			.single()).isEqualTo("u1/3/none");
	}

	@Test
	void aDatabaseThatAlreadyHasANewColumnGetsTheOther() {
		JdbcClient jdbc = open();
		jdbc.sql(LCS_0_2_0_TABLE).update();
		jdbc.sql("ALTER TABLE user_conversation ADD COLUMN topic_summary VARCHAR").update();
		DatabaseSchema.apply(this.dataSource, DatabaseVendor.SQLITE);
		assertThat(columns(jdbc, "user_conversation")).contains("topic_summary", "llama_session_id");
	}

	@Test
	void applyingTheSchemaAgainChangesNothing() {
		JdbcClient jdbc = open();
		DatabaseSchema.apply(this.dataSource, DatabaseVendor.SQLITE);
		List<String> columns = columns(jdbc, "user_conversation");
		jdbc.sql("INSERT INTO user_conversation (id, user_id, last_used_model, last_used_provider)"
				+ " VALUES ('c1', 'u1', 'm', 'p')")
			.update();
		DatabaseSchema.apply(this.dataSource, DatabaseVendor.SQLITE);
		assertThat(columns(jdbc, "user_conversation")).isEqualTo(columns);
		assertThat(jdbc.sql("SELECT count(*) FROM user_conversation").query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void aStepTheDatabaseRefusesFailsStartUpAndLeavesNothingHalfDone() {
		JdbcClient jdbc = open();
		// a table with the name of the last index: both tables are created before that
		// step fails
		jdbc.sql("CREATE TABLE ix_user_feedback_conversation_id (x INTEGER)").update();
		assertThatExceptionOfType(DatabaseStartupException.class)
			.isThrownBy(() -> DatabaseSchema.apply(this.dataSource, DatabaseVendor.SQLITE))
			.withMessageStartingWith("Database schema set-up failed: ");
		assertThat(jdbc.sql("SELECT name FROM sqlite_master WHERE type = 'table'").query(String.class).list())
			.containsExactly("ix_user_feedback_conversation_id");
	}

	@Test
	void aWriterThatFindsTheDatabaseBusyWaitsParkedAndIsNotLost() throws Exception {
		JdbcClient jdbc = open();
		jdbc.sql("CREATE TABLE answer (n INTEGER)").update();
		Thread writer;
		try (Connection holder = this.dataSource.getConnection()) {
			holder.setAutoCommit(false);
			try (Statement statement = holder.createStatement()) {
				statement.executeUpdate("INSERT INTO answer VALUES (1)");
			}
			writer = Thread.ofVirtual().start(() -> jdbc.sql("INSERT INTO answer VALUES (2)").update());
			// In SQLite's busy handler the writer would stay RUNNABLE, sleeping in native
			// code on its carrier, until the lock is released or 5 s have passed.
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
			while (writer.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
				Thread.sleep(5);
			}
			assertThat(writer.getState()).isEqualTo(Thread.State.TIMED_WAITING);
			holder.commit();
		}
		assertThat(writer.join(Duration.ofSeconds(5))).isTrue();
		assertThat(jdbc.sql("SELECT n FROM answer ORDER BY n").query(Integer.class).list()).containsExactly(1, 2);
	}

	private Statement preparedAndClosed(String sql) throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.executeQuery().close();
			return ((DelegatingStatement) statement).getInnermostDelegate();
		}
	}

	private JdbcClient open() {
		this.dataSource = DataSources.sqlite(this.directory.resolve("lightspeed.db").toString());
		return JdbcClient.create(this.dataSource);
	}

	static List<String> columns(JdbcClient jdbc, String table) {
		return jdbc.sql("SELECT name FROM pragma_table_info(:table)").param("table", table).query(String.class).list();
	}

}
