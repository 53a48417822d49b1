package dev.lightspeed.stack.storage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class StatementCachingDataSourceTests {

	@TempDir
	Path directory;

	private StatementCachingDataSource dataSource;

	@BeforeEach
	void open() {
		SQLiteDataSource sqlite = new SQLiteDataSource();
		sqlite.setUrl("jdbc:sqlite:" + this.directory.resolve("test.db"));
		this.dataSource = new StatementCachingDataSource(sqlite);
	}

	@Test
	void aStatementIsPreparedOncePerConnection() throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			PreparedStatement first = connection.prepareStatement("SELECT ?");
			PreparedStatement native1 = first.unwrap(PreparedStatement.class);
			first.close();
			PreparedStatement second = connection.prepareStatement("SELECT ?");
			assertThat(second.unwrap(PreparedStatement.class)).isSameAs(native1);
			second.close();
		}
	}

	@Test
	void theNextCallerDoesNotSeeTheLastOnesParameters() throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			try (PreparedStatement statement = connection.prepareStatement("SELECT ?")) {
				statement.setString(1, "alice's secret");
				assertThat(single(statement)).isEqualTo("alice's secret");
			}
			try (PreparedStatement statement = connection.prepareStatement("SELECT ?")) {
				assertThat(single(statement)).isNull();
				statement.setString(1, "bob");
				assertThat(single(statement)).isEqualTo("bob");
			}
		}
	}

	@Test
	void aStatementInUseIsNotShared() throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			PreparedStatement first = connection.prepareStatement("SELECT ?");
			PreparedStatement second = connection.prepareStatement("SELECT ?");
			assertThat(second.unwrap(PreparedStatement.class)).isNotSameAs(first.unwrap(PreparedStatement.class));
			first.setInt(1, 1);
			second.setInt(1, 2);
			assertThat(single(first)).isEqualTo("1");
			assertThat(single(second)).isEqualTo("2");
			second.close();
			assertThat(second.isClosed()).as("the extra statement is really closed").isTrue();
			first.close();
		}
	}

	@Test
	void aClosedHandleCannotBeUsed() throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			PreparedStatement statement = connection.prepareStatement("SELECT 1");
			statement.close();
			assertThat(statement.isClosed()).isTrue();
			assertThatExceptionOfType(SQLException.class).isThrownBy(statement::executeQuery);
			statement.close();
			try (PreparedStatement again = connection.prepareStatement("SELECT 1")) {
				assertThat(again.isClosed()).isFalse();
				assertThat(single(again)).isEqualTo("1");
			}
		}
	}

	@Test
	void aResultLeftOpenDoesNotSpoilTheNextUse() throws SQLException {
		String sql = "SELECT 1 UNION ALL SELECT 2";
		try (Connection connection = this.dataSource.getConnection()) {
			PreparedStatement statement = connection.prepareStatement(sql);
			ResultSet rows = statement.executeQuery();
			assertThat(rows.next()).isTrue();
			statement.close();
			try (PreparedStatement again = connection.prepareStatement(sql); ResultSet all = again.executeQuery()) {
				List<Integer> values = new ArrayList<>();
				while (all.next()) {
					values.add(all.getInt(1));
				}
				assertThat(values).containsExactly(1, 2);
			}
		}
	}

	@Test
	void writesThroughAKeptStatementAreCommitted() throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.createStatement().execute("CREATE TABLE t (v INTEGER)");
			for (int i = 1; i <= 3; i++) {
				try (PreparedStatement insert = connection.prepareStatement("INSERT INTO t (v) VALUES (?)")) {
					insert.setInt(1, i);
					insert.executeUpdate();
				}
			}
		}
		try (Connection other = this.dataSource.getConnection();
				PreparedStatement sum = other.prepareStatement("SELECT sum(v) FROM t")) {
			assertThat(single(sum)).isEqualTo("6");
		}
	}

	@Test
	void theLeastRecentlyUsedStatementsAreClosed() throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			PreparedStatement eldest = kept(connection, "SELECT 0");
			PreparedStatement recent = kept(connection, "SELECT 1");
			for (int i = 2; i <= StatementCachingDataSource.STATEMENTS_PER_CONNECTION; i++) {
				kept(connection, "SELECT " + i);
			}
			assertThat(eldest.isClosed()).isTrue();
			assertThat(recent.isClosed()).isFalse();
		}
	}

	@Test
	void closingTheConnectionClosesItsStatements() throws SQLException {
		PreparedStatement kept;
		try (Connection connection = this.dataSource.getConnection()) {
			kept = kept(connection, "SELECT 1");
		}
		assertThat(kept.isClosed()).isTrue();
	}

	@Test
	void aProxyEqualsOnlyItself() throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				Connection other = this.dataSource.getConnection()) {
			assertThat(connection).isEqualTo(connection).isNotEqualTo(other);
			assertThat(connection.hashCode()).isEqualTo(System.identityHashCode(connection));
		}
	}

	/** Prepares, uses and gives back a statement; returns the driver's statement kept. */
	private static PreparedStatement kept(Connection connection, String sql) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			single(statement);
			return statement.unwrap(PreparedStatement.class);
		}
	}

	private static String single(PreparedStatement statement) throws SQLException {
		try (ResultSet rows = statement.executeQuery()) {
			assertThat(rows.next()).isTrue();
			return rows.getString(1);
		}
	}

}
