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
public record DatabaseConfig(@Nullable Sqlite sqlite, @Nullable Postgres postgres) implements CrossChecked {

	static final String DEFAULT_SQLITE_PATH = "/tmp/lightspeed-stack.db";

	public DatabaseConfig {
		if (sqlite == null && postgres == null) {
			sqlite = new Sqlite(DEFAULT_SQLITE_PATH);
		}
	}

	@Override
	public void crossCheck(SectionCheck section) {
		section.check(this.sqlite == null || this.postgres == null, "",
				"Only one database configuration can be provided");
	}

	/**
	 * The {@code database.sqlite} section.
	 *
	 * @param dbPath the database file
	 */
	public record Sqlite(@JsonProperty("db_path") @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String dbPath) {

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
			@JsonProperty("ca_cert_path") @ExistingFile @Nullable String caCertPath) {

		public Postgres {
			host = (host != null) ? host : "localhost";
			port = (port != null) ? port : 5432;
			namespace = (namespace != null) ? namespace : "lightspeed-stack";
			sslMode = (sslMode != null) ? sslMode : "prefer";
			gssEncmode = (gssEncmode != null) ? gssEncmode : "prefer";
		}

	}

}
