package dev.lightspeed.stack.vectorstores;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import dev.lightspeed.stack.storage.DatabaseSchema;
import dev.lightspeed.stack.storage.DatabaseVendor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The owners of vector stores and files in the {@code knowledge_owner} table of an SQLite
 * database set up as at start-up: kinds apart, forgotten on delete, ids checked before
 * SQL.
 */
class JdbcKnowledgeOwnersTests {

	@TempDir
	Path directory;

	private JdbcKnowledgeOwners owners;

	@BeforeEach
	void database() {
		SQLiteDataSource dataSource = new SQLiteDataSource();
		dataSource.setUrl("jdbc:sqlite:" + this.directory.resolve("owners.db"));
		DatabaseSchema.apply(dataSource, DatabaseVendor.SQLITE);
		this.owners = new JdbcKnowledgeOwners(JdbcClient.create(dataSource), Clock.systemUTC());
	}

	@Test
	void ownersAreRecordedPerKindAndForgotten() {
		this.owners.record(KnowledgeOwners.Kind.VECTOR_STORE, "vs_1", "alice");
		this.owners.record(KnowledgeOwners.Kind.VECTOR_STORE, "vs_2", "user:default/guest");
		this.owners.record(KnowledgeOwners.Kind.FILE, "vs_1", "bob");

		assertThat(this.owners.owner(KnowledgeOwners.Kind.VECTOR_STORE, "vs_1")).contains("alice");
		assertThat(this.owners.owner(KnowledgeOwners.Kind.FILE, "vs_1")).contains("bob");
		assertThat(this.owners.owners(KnowledgeOwners.Kind.VECTOR_STORE))
			.isEqualTo(Map.of("vs_1", "alice", "vs_2", "user:default/guest"));
		this.owners.forget(KnowledgeOwners.Kind.VECTOR_STORE, "vs_1");
		assertThat(this.owners.owner(KnowledgeOwners.Kind.VECTOR_STORE, "vs_1")).isEmpty();
		assertThat(this.owners.owner(KnowledgeOwners.Kind.FILE, "vs_1")).contains("bob");
	}

	@Test
	void idsThatCannotBeStoredNeverReachTheDatabase() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.owners.record(KnowledgeOwners.Kind.FILE, "file\n1", "alice"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.owners.owner(KnowledgeOwners.Kind.FILE, "x".repeat(300)));
	}

}
