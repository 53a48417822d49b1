package dev.lightspeed.stack.quota;

import java.nio.file.Path;

import javax.sql.DataSource;

import dev.lightspeed.stack.storage.DataSources;
import dev.lightspeed.stack.storage.DatabaseVendor;
import dev.lightspeed.stack.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteQuotaStoreTests extends QuotaStoreContract {

	@TempDir
	Path directory;

	private DataSource dataSource;

	@Override
	DataSource dataSource() {
		if (this.dataSource == null) {
			this.dataSource = TestDatabases.sqlite(this.directory);
		}
		return this.dataSource;
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
