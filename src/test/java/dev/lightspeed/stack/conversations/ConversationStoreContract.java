package dev.lightspeed.stack.conversations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import dev.lightspeed.stack.storage.DatabaseVendor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What every {@link JdbcConversationStore} database must do.
 */
abstract class ConversationStoreContract {

	static final Instant START = Instant.parse("2025-08-20T10:11:12.123456Z");

	private final AtomicReference<Instant> now = new AtomicReference<>(START);

	JdbcClient jdbc;

	JdbcConversationStore store;

	abstract JdbcClient jdbc();

	abstract DatabaseVendor vendor();

	@BeforeEach
	void createStore() {
		this.jdbc = jdbc();
		Clock clock = new Clock() {

			@Override
			public ZoneOffset getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(java.time.ZoneId zone) {
				return this;
			}

			@Override
			public Instant instant() {
				return ConversationStoreContract.this.now.get();
			}

		};
		this.store = new JdbcConversationStore(this.jdbc, vendor(), clock);
	}

	void advance(Duration duration) {
		this.now.updateAndGet((instant) -> instant.plus(duration));
	}

	@Test
	void firstTurnInsertsARowAndReturnsIt() {
		ConversationRecord row = new ConversationRecord("c1", "alice", "model-a", "provider-a", at(START), at(START), 1,
				null, "s1");
		assertThat(this.store.recordTurn("c1", "alice", "model-a", "provider-a", "s1")).hasValue(row);
		assertThat(this.store.find("c1")).hasValue(row);
	}

	@Test
	void laterTurnsUpdateModelTimeAndCountAndKeepTheSession() {
		this.store.recordTurn("c1", "alice", "model-a", "provider-a", "s1");
		advance(Duration.ofSeconds(90));
		ConversationRecord row = new ConversationRecord("c1", "alice", "model-b", "provider-b", at(START),
				at(START.plusSeconds(90)), 2, null, "s1");
		assertThat(this.store.recordTurn("c1", "alice", "model-b", "provider-b", null)).hasValue(row);
		assertThat(this.store.find("c1")).hasValue(row);
	}

	@Test
	void aTurnByAnotherUserDoesNotTakeOverTheConversation() {
		this.store.recordTurn("c1", "alice", "model-a", "provider-a", null);
		assertThat(this.store.recordTurn("c1", "mallory", "model-x", "provider-x", "evil")).isEmpty();
		ConversationRecord record = this.store.find("c1").orElseThrow();
		assertThat(record.userId()).isEqualTo("alice");
		assertThat(record.messageCount()).isEqualTo(1);
		assertThat(record.sessionId()).isNull();
	}

	@Test
	void listsOnlyTheUsersConversationsNewestFirst() {
		this.store.recordTurn("old", "alice", "m", "p", null);
		advance(Duration.ofMinutes(1));
		this.store.recordTurn("new", "alice", "m", "p", null);
		advance(Duration.ofMinutes(1));
		this.store.recordTurn("bobs", "bob", "m", "p", null);
		assertThat(this.store.listByUser("alice")).extracting(ConversationRecord::id).containsExactly("new", "old");
		advance(Duration.ofMinutes(1));
		this.store.recordTurn("old", "alice", "m", "p", null);
		assertThat(this.store.listByUser("alice")).extracting(ConversationRecord::id).containsExactly("old", "new");
		assertThat(this.store.listByUser("nobody")).isEmpty();
	}

	@Test
	void topicSummaryIsSetOnKnownConversationsOnly() {
		this.store.recordTurn("c1", "alice", "m", "p", null);
		assertThat(this.store.setTopicSummary("c1", "Pods in namespace demo")).isTrue();
		assertThat(this.store.find("c1"))
			.hasValueSatisfying((record) -> assertThat(record.topicSummary()).isEqualTo("Pods in namespace demo"));
		assertThat(this.store.setTopicSummary("unknown", "x")).isFalse();
	}

	@Test
	void deleteRemovesTheRow() {
		this.store.recordTurn("c1", "alice", "m", "p", null);
		assertThat(this.store.delete("c1")).isTrue();
		assertThat(this.store.find("c1")).isEmpty();
		assertThat(this.store.delete("c1")).isFalse();
	}

	@Test
	void valuesAreBoundNotSpliced() {
		String id = "x'; DROP TABLE user_conversation; --";
		this.store.recordTurn(id, "o'brien", "m", "p", null);
		assertThat(this.store.find(id)).hasValueSatisfying((r) -> assertThat(r.userId()).isEqualTo("o'brien"));
		assertThat(this.store.listByUser("o'brien")).hasSize(1);
	}

	@Test
	void unusableIdsAreRejectedBeforeSql() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.store.recordTurn("", "alice", "m", "p", null));
		assertThatIllegalArgumentException().isThrownBy(() -> this.store.find("a\u0000b"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.store.listByUser("x".repeat(256)));
	}

	static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
