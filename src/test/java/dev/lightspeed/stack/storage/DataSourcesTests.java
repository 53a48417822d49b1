package dev.lightspeed.stack.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.zaxxer.hikari.HikariConfig;
import dev.lightspeed.stack.support.TestConfigurations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGProperty;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the PostgreSQL driver receives for a {@code database.postgres} section.
 */
class DataSourcesTests {

	@TempDir
	Path directory;

	@Test
	void sslGssCaAndNamespaceKeysReachTheDriverUnderItsNames() throws Exception {
		Path ca = Files.writeString(this.directory.resolve("ca.crt"), "not read here");
		HikariConfig hikari = postgres("""
				    ssl_mode: verify-full
				    gss_encmode: disable
				    ca_cert_path: %s
				    namespace: team-a
				""".formatted(ca));
		assertThat(hikari.getJdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:5433/lightspeed");
		assertThat(hikari.getUsername()).isEqualTo("lcs");
		assertThat(hikari.getPassword()).isEqualTo("s3cret");
		assertThat(hikari.getDataSourceProperties()).containsExactlyInAnyOrderEntriesOf(
				Map.of("sslmode", "verify-full", "gssEncMode", "disable", "sslrootcert", ca.toString()));
		assertThat(hikari.getDataSourceProperties().stringPropertyNames())
			.allSatisfy((name) -> assertThat(PGProperty.forName(name)).as(name).isNotNull());
		assertThat(hikari.getConnectionInitSql()).isEqualTo("SET search_path TO \"team-a\"");
	}

	@Test
	void defaultsArePreferPreferNoCaAndTheLightspeedStackSchema() {
		HikariConfig hikari = postgres("");
		assertThat(hikari.getDataSourceProperties())
			.containsExactlyInAnyOrderEntriesOf(Map.of("sslmode", "prefer", "gssEncMode", "prefer"));
		assertThat(hikari.getConnectionInitSql()).isEqualTo("SET search_path TO \"lightspeed-stack\"");
	}

	@Test
	void thePublicNamespaceLeavesTheSearchPathAlone() {
		assertThat(postgres("    namespace: public\n").getConnectionInitSql()).isNull();
	}

	private static HikariConfig postgres(String more) {
		return DataSources.postgresConfig(TestConfigurations.minimalWith("""
				database:
				  postgres:
				    host: db.example.com
				    port: 5433
				    db: lightspeed
				    user: lcs
				    password: s3cret
				""" + more).database().postgres());
	}

}
