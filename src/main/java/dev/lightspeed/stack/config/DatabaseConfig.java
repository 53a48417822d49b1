package dev.lightspeed.stack.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The {@code database} section: exactly one of SQLite or PostgreSQL; SQLite at
 * {@code /tmp/lightspeed-stack.db} when neither is given.
 *
 * @param sqlite SQLite settings
 * @param postgres PostgreSQL settings
 */
public record DatabaseConfig(@Nullable Sqlite sqlite, @Nullable Postgres postgres) {

	static final String DEFAULT_SQLITE_PATH = "/tmp/lightspeed-stack.db";

	public DatabaseConfig {
		if (sqlite == null && postgres == null) {
			sqlite = new Sqlite(DEFAULT_SQLITE_PATH);
		}
	}

	static DatabaseConfig read(Section section) {
		Sqlite sqlite = section.section("sqlite", Sqlite::read);
		Postgres postgres = section.section("postgres", Postgres::read);
		section.check(sqlite == null || postgres == null, "", "Only one database configuration can be provided");
		return new DatabaseConfig(sqlite, postgres);
	}

	/**
	 * The {@code database.sqlite} section.
	 *
	 * @param dbPath the database file
	 */
	public record Sqlite(@JsonProperty("db_path") @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String dbPath) {

		static Sqlite read(Section section) {
			return new Sqlite(section.requiredString("db_path"));
		}

	}

	/**
	 * The {@code database.postgres} section.
	 *
	 * @param host server host
	 * @param port server port
	 * @param db database name
	 * @param user user name
	 * @param password password
	 * @param namespace schema that holds the tables
	 * @param sslMode libpq {@code sslmode}
	 * @param gssEncmode libpq {@code gssencmode}
	 * @param caCertPath CA bundle for server certificate verification
	 */
	public record Postgres(String host, @Schema(minimum = "1", maximum = "65535") Integer port,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String db,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String user,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonSerialize(
					using = SecretSerializer.class) String password,
			String namespace, @JsonProperty("ssl_mode") String sslMode, @JsonProperty("gss_encmode") String gssEncmode,
			@JsonProperty("ca_cert_path") @Nullable String caCertPath) {

		public Postgres {
			host = (host != null) ? host : "localhost";
			port = (port != null) ? port : 5432;
			namespace = (namespace != null) ? namespace : "lightspeed-stack";
			sslMode = (sslMode != null) ? sslMode : "prefer";
			gssEncmode = (gssEncmode != null) ? gssEncmode : "prefer";
		}

		static Postgres read(Section section) {
			return new Postgres(section.string("host"), section.port("port"), section.requiredString("db"),
					section.requiredString("user"), section.requiredString("password"), section.string("namespace"),
					section.string("ssl_mode"), section.string("gss_encmode"), section.existingFile("ca_cert_path"));
		}

	}

}
