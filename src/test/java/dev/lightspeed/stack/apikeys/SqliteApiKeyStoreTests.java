package dev.lightspeed.stack.apikeys;

import java.nio.file.Path;

import javax.sql.DataSource;

import dev.lightspeed.stack.storage.DataSources;
import dev.lightspeed.stack.storage.DatabaseVendor;
import dev.lightspeed.stack.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

class SqliteApiKeyStoreTests extends ApiKeyStoreContract {

	@TempDir
	Path directory;

	private DataSource dataSource;

	@Override
	JdbcClient jdbc() {
		this.dataSource = TestDatabases.sqlite(this.directory);
		return JdbcClient.create(this.dataSource);
	}

	@Override
	DatabaseVendor vendor() {
		return DatabaseVendor.SQLITE;
	}

	@AfterEach
	void close() {
		DataSources.close(this.dataSource);
	}

}
