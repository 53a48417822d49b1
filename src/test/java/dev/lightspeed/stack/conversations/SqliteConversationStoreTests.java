package dev.lightspeed.stack.conversations;

import java.nio.file.Path;

import javax.sql.DataSource;

import dev.lightspeed.stack.storage.DataSources;
import dev.lightspeed.stack.storage.DatabaseVendor;
import dev.lightspeed.stack.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class SqliteConversationStoreTests extends ConversationStoreContract {

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

	@Test
	void timestampsAreStoredAsLcsWritesThem() {
		this.store.recordTurn("c1", "alice", "m", "p", null);
		assertThat(timestamps()).isEqualTo("2025-08-20 10:11:12 2025-08-20 10:11:12");
		advance(java.time.Duration.ofSeconds(90));
		this.store.recordTurn("c1", "alice", "m", "p", null);
		assertThat(timestamps()).isEqualTo("2025-08-20 10:11:12 2025-08-20 10:12:42.123456");
	}

	private String timestamps() {
		return this.jdbc.sql("SELECT created_at || ' ' || last_message_at FROM user_conversation")
			.query(String.class)
			.single();
	}

	@Test
	void rowsWrittenByLcsAreRead() {
		this.jdbc
			.sql("INSERT INTO user_conversation (id, user_id, last_used_model, last_used_provider,"
					+ " created_at, last_message_at, message_count) VALUES ('c1', 'alice', 'm', 'p',"
					+ " '2025-08-20 10:11:12', '2025-08-21 09:00:00.500000', 4)")
			.update();
		assertThat(this.store.find("c1")).hasValue(
				new ConversationRecord("c1", "alice", "m", "p", at(java.time.Instant.parse("2025-08-20T10:11:12Z")),
						at(java.time.Instant.parse("2025-08-21T09:00:00.5Z")), 4, null, null));
	}

}
