package dev.lightspeed.stack.quota;

import javax.sql.DataSource;

import dev.lightspeed.stack.storage.DatabaseVendor;
import dev.lightspeed.stack.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Against a real PostgreSQL, with a pool of ten connections racing for the counters:
 * {@code eval "$(scripts/postgres-test-server.sh)"} first.
 */
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_PORT, matches = "\\d+")
class PostgresQuotaStoreTests extends QuotaStoreContract {

	private TestDatabases.PostgresSchema database;

	@Override
	DataSource dataSource() {
		if (this.database == null) {
			this.database = TestDatabases.migratedPostgres();
		}
		return this.database.dataSource();
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
