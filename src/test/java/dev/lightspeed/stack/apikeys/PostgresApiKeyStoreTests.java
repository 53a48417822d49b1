package dev.lightspeed.stack.apikeys;

import java.time.Clock;
import java.util.List;

import dev.lightspeed.stack.storage.DatabaseVendor;
import dev.lightspeed.stack.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against a real PostgreSQL: {@code eval "$(scripts/postgres-test-server.sh)"} first.
 */
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_PORT, matches = "\\d+")
class PostgresApiKeyStoreTests extends ApiKeyStoreContract {

	private TestDatabases.PostgresSchema database;

	@Override
	JdbcClient jdbc() {
		this.database = TestDatabases.migratedPostgres();
		return this.database.jdbc();
	}

	@Override
	DatabaseVendor vendor() {
		return DatabaseVendor.POSTGRESQL;
	}

	/**
	 * Replicas share one PostgreSQL (issue 31): each has its own service and store, and
	 * keeps no key in memory, so what one issues, rotates or revokes holds on the others
	 * at once.
	 */
	@Test
	void keysShouldHoldOnEveryReplicaAtOnce() {
		ApiKeyService replicaA = new ApiKeyService(new ApiKeyStore(this.jdbc, vendor(), Clock.systemUTC()),
				Clock.systemUTC());
		ApiKeyService replicaB = new ApiKeyService(new ApiKeyStore(this.jdbc, vendor(), Clock.systemUTC()),
				Clock.systemUTC());
		IssuedApiKey issued = replicaA.issue(new ApiKeyRequest("system:serviceaccount:ns:bot", null, "ci",
				List.of("reader"), null, null, null, null, null), "admin");
		assertThat(replicaB.verify(issued.apiKey()).orElseThrow().userId()).isEqualTo("system:serviceaccount:ns:bot");
		IssuedApiKey rotated = replicaB.rotate(issued.key().id(), "admin");
		assertThat(replicaA.verify(issued.apiKey())).isEmpty();
		assertThat(replicaA.verify(rotated.apiKey())).isPresent();
		replicaA.revoke(issued.key().id(), "admin");
		assertThat(replicaB.verify(rotated.apiKey())).isEmpty();
	}

	@AfterEach
	void drop() {
		this.database.close();
	}

}
