package dev.lightspeed.stack.conversations;

import java.time.OffsetDateTime;
import java.util.Optional;

import dev.lightspeed.stack.storage.DatabaseVendor;
import dev.lightspeed.stack.support.InMemoryConversationStore;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class CachedConversationStoreTests {

	private final ConversationStore database = spy(new InMemoryConversationStore());

	private final CachedConversationStore store = new CachedConversationStore(this.database);

	@Test
	void aFollowUpIsCheckedWithoutReadingTheDatabase() {
		this.store.recordTurn("c1", "alice", "m", "p", "s1");
		this.store.recordTurn("c1", "alice", "m2", "p", null);
		assertThat(this.store.find("c1")).hasValueSatisfying((row) -> {
			assertThat(row.messageCount()).isEqualTo(2);
			assertThat(row.lastUsedModel()).isEqualTo("m2");
			assertThat(row.sessionId()).isEqualTo("s1");
		});
		verify(this.database, times(0)).find("c1");
	}

	@Test
	void aRowReadOnceIsKept() {
		this.database.recordTurn("c1", "alice", "m", "p", "s1");
		assertThat(this.store.find("c1")).isPresent();
		assertThat(this.store.find("c1")).isPresent();
		verify(this.database, times(1)).find("c1");
	}

	@Test
	void anUnknownConversationIsAskedForEachTime() {
		assertThat(this.store.find("nope")).isEmpty();
		assertThat(this.store.find("nope")).isEmpty();
		verify(this.database, times(2)).find("nope");
	}

	@Test
	void anotherUsersTurnLeavesTheKeptRow() {
		this.store.recordTurn("c1", "alice", "m", "p", "s1");
		assertThat(this.store.recordTurn("c1", "mallory", "x", "x", "evil")).isEmpty();
		assertThat(this.store.find("c1")).hasValueSatisfying((row) -> {
			assertThat(row.userId()).isEqualTo("alice");
			assertThat(row.messageCount()).isEqualTo(1);
		});
	}

	@Test
	void aDeletedConversationIsGone() {
		this.store.recordTurn("c1", "alice", "m", "p", "s1");
		assertThat(this.store.delete("c1")).isTrue();
		assertThat(this.store.find("c1")).isEmpty();
	}

	@Test
	void aTopicSummaryIsSeenAtOnce() {
		this.store.recordTurn("c1", "alice", "m", "p", "s1");
		assertThat(this.store.find("c1")).hasValueSatisfying((row) -> assertThat(row.topicSummary()).isNull());
		this.store.setTopicSummary("c1", "Pods");
		assertThat(this.store.find("c1")).hasValueSatisfying((row) -> assertThat(row.topicSummary()).isEqualTo("Pods"));
	}

	@Test
	void aRowReadWhileTheConversationWasDeletedIsNotKept() {
		InMemoryConversationStore database = new InMemoryConversationStore();
		database.recordTurn("c1", "alice", "m", "p", "s1");
		CachedConversationStore[] store = new CachedConversationStore[1];
		store[0] = new CachedConversationStore(new InMemoryConversationStore() {

			@Override
			public Optional<ConversationRecord> find(String id) {
				Optional<ConversationRecord> row = database.find(id);
				// the deletion lands after the read, before the row is kept
				store[0].delete(id);
				return row;
			}

			@Override
			public boolean delete(String id) {
				return database.delete(id);
			}

		});
		assertThat(store[0].find("c1")).isPresent();
		assertThat(database.find("c1")).isEmpty();
		assertThat(store[0].find("c1")).as("read again, from the database").isEmpty();
	}

	@Test
	void ofTwoConcurrentTurnsTheLaterRowIsKept() {
		ConversationStore database = mock(ConversationStore.class);
		given(database.recordTurn(anyString(), anyString(), anyString(), anyString(), any()))
			.willReturn(Optional.of(row("c1", 3)), Optional.of(row("c1", 2)));
		CachedConversationStore store = new CachedConversationStore(database);
		store.recordTurn("c1", "alice", "m", "p", null);
		store.recordTurn("c1", "alice", "m", "p", null);
		assertThat(store.find("c1")).hasValue(row("c1", 3));
	}

	@Test
	void theLeastRecentlyUsedRowsGoFirst() {
		this.store.recordTurn("c0", "alice", "m", "p", null);
		this.store.recordTurn("c1", "alice", "m", "p", null);
		this.store.find("c0");
		for (int i = 2; i <= CachedConversationStore.MAX_ROWS; i++) {
			this.store.recordTurn("c" + i, "alice", "m", "p", null);
		}
		this.store.find("c0");
		this.store.find("c1");
		verify(this.database, times(0)).find("c0");
		verify(this.database, times(1)).find("c1");
	}

	@Test
	void onlySqliteRowsAreKeptInMemory() {
		JdbcClient jdbc = mock(JdbcClient.class);
		ConversationStoreConfiguration configuration = new ConversationStoreConfiguration();
		assertThat(configuration.conversationStore(jdbc, DatabaseVendor.SQLITE))
			.isInstanceOf(CachedConversationStore.class);
		assertThat(configuration.conversationStore(jdbc, DatabaseVendor.POSTGRESQL))
			.isInstanceOf(JdbcConversationStore.class);
	}

	private static ConversationRecord row(String id, int messageCount) {
		OffsetDateTime at = OffsetDateTime.parse("2025-08-20T10:11:12Z");
		return new ConversationRecord(id, "alice", "m", "p", at, at, messageCount, null, "s1");
	}

}
