package dev.lightspeed.stack.apikeys;

import com.zaxxer.hikari.HikariDataSource;
import dev.lightspeed.stack.storage.DatabaseVendor;
import dev.lightspeed.stack.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import org.springframework.jdbc.core.simple.JdbcClient;

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

	@AfterEach
	void drop() {
		this.database.close();
	}

}
