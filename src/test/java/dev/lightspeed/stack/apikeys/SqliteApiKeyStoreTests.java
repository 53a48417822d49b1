package dev.lightspeed.stack.apikeys;

import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;
import dev.lightspeed.stack.storage.DatabaseVendor;
import dev.lightspeed.stack.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

class SqliteApiKeyStoreTests extends ApiKeyStoreContract {

	@TempDir
	Path directory;

	private HikariDataSource dataSource;

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
		this.dataSource.close();
	}

}
