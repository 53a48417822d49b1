package dev.lightspeed.stack.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The {@code database} section: exactly one of SQLite or PostgreSQL; SQLite at
 * {@code /tmp/lightspeed-stack.db} when neither is given.
 *
 * @param sqlite SQLite settings
 * @param postgres PostgreSQL settings
 */
@CrossFieldChecked
public record DatabaseConfig(@Valid @Nullable Sqlite sqlite,
		@Valid @Nullable Postgres postgres) implements CrossFieldRules {

	static final String DEFAULT_SQLITE_PATH = "/tmp/lightspeed-stack.db";

	public DatabaseConfig {
		if (sqlite == null && postgres == null) {
			sqlite = new Sqlite(DEFAULT_SQLITE_PATH);
		}
	}

	@Override
	public void check(Checks checks) {
		checks.require(this.sqlite == null || this.postgres == null, "",
				"Only one database configuration can be provided");
	}

	/**
	 * The {@code database.sqlite} section.
	 *
	 * @param dbPath the database file
	 */
	public record Sqlite(@JsonProperty("db_path") @NotNull(message = "Field required") String dbPath) {
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
	public record Postgres(String host,
			@Positive(message = "Input should be greater than 0") @Max(value = 65535,
					message = "Port value should be less than 65536") Integer port,
			@NotNull(message = "Field required") String db, @NotNull(message = "Field required") String user,
			@NotNull(message = "Field required") @JsonSerialize(using = SecretSerializer.class) String password,
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
