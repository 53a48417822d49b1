package dev.lightspeed.stack.storage;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.lightspeed.stack.config.DatabaseConfig;
import org.apache.commons.dbcp2.BasicDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * Builds the connection pool the {@code database} section describes: HikariCP for
 * PostgreSQL, Commons DBCP for SQLite, whose one connection keeps its prepared statements
 * (a statement compiled once per connection instead of once per turn was worth 11-18% of
 * throughput, docs/performance.md).
 */
public final class DataSources {

	private static final Logger logger = LoggerFactory.getLogger(DataSources.class);

	/** How long SQLite waits for a lock held by another connection. */
	static final int SQLITE_BUSY_TIMEOUT_MILLIS = 5000;

	/**
	 * One connection. SQLite lets one writer in at a time; a second connection that finds
	 * the database locked waits in SQLite's busy handler, which sleeps in native code and
	 * so holds its virtual thread's carrier (one of only as many as there are cores) for
	 * every millisecond it waits. Waiting for the pool's one connection parks the virtual
	 * thread instead. Statements are short and read whole, so readers lose little.
	 */
	static final int SQLITE_POOL_SIZE = 1;

	/**
	 * Prepared statements kept open on SQLite's connection, the longest idle closed
	 * first: every statement the service prepares, several times over.
	 */
	static final int SQLITE_STATEMENTS_KEPT = 32;

	/** How long a caller waits for a pooled connection, as HikariCP does by default. */
	static final Duration CONNECTION_WAIT = Duration.ofSeconds(30);

	static final int POSTGRES_POOL_SIZE = 10;

	private DataSources() {
	}

	/**
	 * Opens the pool for a {@code database} section; for PostgreSQL with a namespace
	 * other than {@code public} the schema is created first.
	 * @param config the section
	 * @return the pool; {@link #close(DataSource)} closes it
	 * @throws DatabaseStartupException (unchecked) when the database cannot be used
	 */
	public static DataSource create(DatabaseConfig config) {
		if (config.postgres() != null) {
			return postgres(config.postgres());
		}
		return sqlite(config.sqlite().dbPath());
	}

	static BasicDataSource sqlite(String dbPath) {
		Path parent = Path.of(dbPath).toAbsolutePath().getParent();
		if (parent == null || !Files.isDirectory(parent)) {
			throw new DatabaseStartupException("SQLite database directory does not exist: " + dbPath);
		}
		SQLiteConfig sqlite = new SQLiteConfig();
		sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
		sqlite.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MILLIS);
		sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
		// No statement here reads generated keys; left on, the driver queries for them
		// after every write.
		sqlite.setGetGeneratedKeys(false);
		BasicDataSource pool = new BasicDataSource();
		pool.setDriver(new org.sqlite.JDBC());
		pool.setUrl("jdbc:sqlite:" + dbPath);
		sqlite.toProperties().forEach((key, value) -> pool.addConnectionProperty((String) key, (String) value));
		pool.setMaxTotal(SQLITE_POOL_SIZE);
		pool.setMaxIdle(SQLITE_POOL_SIZE);
		pool.setMinIdle(SQLITE_POOL_SIZE);
		pool.setInitialSize(SQLITE_POOL_SIZE);
		pool.setMaxWait(CONNECTION_WAIT);
		// a SQLite connection is a file handle: nothing between uses can break it
		pool.setTestOnBorrow(false);
		pool.setPoolPreparedStatements(true);
		pool.setMaxOpenPreparedStatements(SQLITE_STATEMENTS_KEPT);
		try {
			pool.start();
		}
		catch (SQLException ex) {
			close(pool);
			throw new DatabaseStartupException("Database connection failed: " + ex.getMessage(), ex);
		}
		return pool;
	}

	static HikariDataSource postgres(DatabaseConfig.Postgres config) {
		HikariDataSource dataSource = open(postgresConfig(config));
		if (usesOwnSchema(config.namespace())) {
			createSchema(dataSource, config.namespace());
		}
		return dataSource;
	}

	/**
	 * The pool settings for PostgreSQL: libpq's {@code sslmode} and {@code gssencmode}
	 * have the same names and values in PgJDBC (which spells the second
	 * {@code gssEncMode}), {@code ca_cert_path} is {@code sslrootcert}, and a namespace
	 * other than {@code public} is every connection's {@code search_path}.
	 */
	static HikariConfig postgresConfig(DatabaseConfig.Postgres config) {
		HikariConfig hikari = new HikariConfig();
		hikari.setPoolName("lightspeed-postgres");
		hikari.setDriverClassName("org.postgresql.Driver");
		hikari.setJdbcUrl("jdbc:postgresql://" + hostPart(config.host()) + ":" + config.port() + "/"
				+ URLEncoder.encode(config.db(), StandardCharsets.UTF_8));
		hikari.setUsername(config.user());
		hikari.setPassword(config.password());
		hikari.addDataSourceProperty("sslmode", config.sslMode());
		hikari.addDataSourceProperty("gssEncMode", config.gssEncmode());
		if (config.caCertPath() != null) {
			hikari.addDataSourceProperty("sslrootcert", config.caCertPath());
		}
		hikari.setMaximumPoolSize(POSTGRES_POOL_SIZE);
		if (usesOwnSchema(config.namespace())) {
			// PostgreSQL accepts a search_path naming a schema that does not exist yet.
			hikari.setConnectionInitSql("SET search_path TO " + quote(config.namespace()));
		}
		return hikari;
	}

	/**
	 * One connection outside the pool, with the pool's settings, for a session that must
	 * last (a {@code LISTEN}): the pool closes and hands out its connections as it likes.
	 * The pool's {@code search_path} is left out: such a session touches no table.
	 * @param config the {@code postgres} section
	 * @param applicationName what {@code pg_stat_activity} shows for it
	 * @return the connection; the caller closes it
	 * @throws SQLException when PostgreSQL cannot be reached
	 */
	public static Connection postgresConnection(DatabaseConfig.Postgres config, String applicationName)
			throws SQLException {
		HikariConfig hikari = postgresConfig(config);
		Properties properties = new Properties();
		properties.putAll(hikari.getDataSourceProperties());
		properties.setProperty("user", config.user());
		properties.setProperty("password", config.password());
		properties.setProperty("ApplicationName", applicationName);
		Connection connection = new org.postgresql.Driver().connect(hikari.getJdbcUrl(), properties);
		if (connection == null) {
			throw new SQLException("PgJDBC does not accept " + hikari.getJdbcUrl());
		}
		return connection;
	}

	private static HikariDataSource open(HikariConfig hikari) {
		try {
			return new HikariDataSource(hikari);
		}
		catch (RuntimeException ex) {
			throw new DatabaseStartupException("Database connection failed: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Closes a pool {@link #create(DatabaseConfig)} opened (both pools are
	 * {@link AutoCloseable}).
	 * @param pool the pool
	 * @throws IllegalArgumentException when it is not such a pool
	 */
	public static void close(DataSource pool) {
		if (!(pool instanceof AutoCloseable closeable)) {
			throw new IllegalArgumentException("Not a pool: " + pool.getClass().getName());
		}
		try {
			closeable.close();
		}
		catch (Exception ex) {
			logger.warn("Closing the database pool failed: {}", ex.toString());
		}
	}

	static boolean usesOwnSchema(String namespace) {
		return !namespace.isEmpty() && !namespace.equals("public");
	}

	static String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

	private static void createSchema(HikariDataSource dataSource, String namespace) {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA IF NOT EXISTS " + quote(namespace));
		}
		catch (SQLException ex) {
			dataSource.close();
			throw new DatabaseStartupException("Schema creation failed for '" + namespace + "': " + ex.getMessage(),
					ex);
		}
	}

	private static String hostPart(String host) {
		return (host.contains(":") && !host.startsWith("[")) ? "[" + host + "]" : host;
	}

}
