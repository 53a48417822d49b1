package dev.lightspeed.stack.conversations;

import javax.sql.DataSource;

import dev.lightspeed.stack.config.DatabaseConfig;
import dev.lightspeed.stack.storage.DataSources;
import dev.lightspeed.stack.storage.DatabaseSchema;
import dev.lightspeed.stack.storage.DatabaseVendor;
import dev.lightspeed.stack.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Against a real PostgreSQL: {@code eval "$(scripts/postgres-test-server.sh)"} first.
 */
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_PORT, matches = "\\d+")
class PostgresConversationStoreTests extends ConversationStoreContract {

	private DataSource dataSource;

	private String namespace;

	@Override
	JdbcClient jdbc() {
		DatabaseConfig.Postgres config = TestDatabases.postgres(null);
		this.namespace = config.namespace();
		this.dataSource = DataSources.create(new DatabaseConfig(null, config));
		DatabaseSchema.apply(this.dataSource, DatabaseVendor.POSTGRESQL);
		return JdbcClient.create(this.dataSource);
	}

	@Override
	DatabaseVendor vendor() {
		return DatabaseVendor.POSTGRESQL;
	}

	@AfterEach
	void drop() {
		this.jdbc.sql("DROP SCHEMA \"" + this.namespace + "\" CASCADE").update();
		DataSources.close(this.dataSource);
	}

}
