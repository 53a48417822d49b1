package dev.lightspeed.stack.support;

import java.nio.file.Path;
import java.util.UUID;

import javax.sql.DataSource;

import dev.lightspeed.stack.config.DatabaseConfig;
import dev.lightspeed.stack.storage.DataSources;
import dev.lightspeed.stack.storage.DatabaseSchema;
import dev.lightspeed.stack.storage.DatabaseVendor;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Databases for store tests: a SQLite file, or the PostgreSQL that
 * {@code scripts/postgres-test-server.sh} starts (its {@code LCS_TEST_POSTGRES_*}
 * variables), each migrated.
 */
public final class TestDatabases {

	/** The variable that enables the PostgreSQL tests. */
	public static final String POSTGRES_PORT = "LCS_TEST_POSTGRES_PORT";

	private TestDatabases() {
	}

	/**
	 * A SQLite database with the tables.
	 * @param directory where the file goes
	 * @return the pool; close it
	 */
	public static DataSource sqlite(Path directory) {
		DataSource dataSource = DataSources
			.create(new DatabaseConfig(new DatabaseConfig.Sqlite(directory.resolve("test.db").toString()), null));
		DatabaseSchema.apply(dataSource, DatabaseVendor.SQLITE);
		return dataSource;
	}

	/**
	 * A fresh namespace on the test server, with the tables.
	 * @return the database; close it to drop the namespace
	 */
	public static PostgresSchema migratedPostgres() {
		DatabaseConfig.Postgres config = postgres(null);
		DataSource dataSource = DataSources.create(new DatabaseConfig(null, config));
		DatabaseSchema.apply(dataSource, DatabaseVendor.POSTGRESQL);
		return new PostgresSchema(dataSource, config.namespace());
	}

	/**
	 * The test server's settings with a namespace of its own.
	 * @param namespace the namespace, null for a fresh random one
	 * @return the settings
	 */
	public static DatabaseConfig.Postgres postgres(@Nullable String namespace) {
		return new DatabaseConfig.Postgres(env("LCS_TEST_POSTGRES_HOST"), Integer.parseInt(env(POSTGRES_PORT)),
				env("LCS_TEST_POSTGRES_DB"), env("LCS_TEST_POSTGRES_USER"), env("LCS_TEST_POSTGRES_PASSWORD"),
				(namespace != null) ? namespace : "lcs-test-" + UUID.randomUUID(), "disable", "disable", null);
	}

	/**
	 * The test server's settings with other TLS and GSS settings.
	 * @param sslMode {@code ssl_mode}
	 * @param gssEncmode {@code gss_encmode}
	 * @param caCertPath {@code ca_cert_path}, or null
	 * @return the settings, with a fresh namespace
	 */
	public static DatabaseConfig.Postgres postgres(String sslMode, String gssEncmode, @Nullable String caCertPath) {
		DatabaseConfig.Postgres server = postgres(null);
		return new DatabaseConfig.Postgres(server.host(), server.port(), server.db(), server.user(), server.password(),
				server.namespace(), sslMode, gssEncmode, caCertPath);
	}

	/**
	 * The CA that signed the test server's certificate.
	 * @return the PEM file's path
	 */
	public static String postgresCa() {
		return env("LCS_TEST_POSTGRES_CA");
	}

	/**
	 * The {@code database:} section of a configuration file for these settings.
	 * @param config the settings
	 * @return the YAML section
	 */
	public static String yaml(DatabaseConfig.Postgres config) {
		return """
				database:
				  postgres:
				    host: %s
				    port: %d
				    db: %s
				    user: %s
				    password: %s
				    namespace: %s
				    ssl_mode: %s
				    gss_encmode: %s
				""".formatted(config.host(), config.port(), config.db(), config.user(), config.password(),
				config.namespace(), config.sslMode(), config.gssEncmode());
	}

	private static String env(String name) {
		String value = System.getenv(name);
		if (value == null) {
			throw new IllegalStateException(name + " is not set; run scripts/postgres-test-server.sh");
		}
		return value;
	}

	/**
	 * A namespace of the test server, dropped on close.
	 *
	 * @param dataSource its pool
	 * @param namespace its name
	 */
	public record PostgresSchema(DataSource dataSource, String namespace) implements AutoCloseable {

		public JdbcClient jdbc() {
			return JdbcClient.create(this.dataSource);
		}

		@Override
		public void close() {
			jdbc().sql("DROP SCHEMA \"" + this.namespace + "\" CASCADE").update();
			DataSources.close(this.dataSource);
		}

	}

}
