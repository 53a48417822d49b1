package dev.lightspeed.stack.conversations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
	void turnTimesAreKeptToTheMicrosecondInOrderAndDeletedWithTheConversation() {
		JdbcTurnTimes times = new JdbcTurnTimes(this.jdbc);
		Instant first = START.plusSeconds(1);
		Instant second = START.plusSeconds(5);
		times.record("c1", second, second.plusMillis(1500));
		times.record("c1", first, first.plusNanos(2_000));
		times.record("c2", first, first);

		assertThat(times.of("c1")).containsExactly(new TurnTimes.Times(first, first.plusNanos(2_000)),
				new TurnTimes.Times(second, second.plusMillis(1500)));
		times.delete("c1");
		assertThat(times.of("c1")).isEmpty();
		assertThat(times.of("c2")).hasSize(1);
	}

	@Test
	void firstTurnInsertsARowAndReturnsIt() {
		ConversationRecord row = new ConversationRecord("c1", "alice", "model-a", "provider-a", asNewRow(START),
				asNewRow(START), 1, null, "s1");
		assertThat(this.store.recordTurn("c1", "alice", "model-a", "provider-a", "s1")).hasValue(row);
		assertThat(this.store.find("c1")).hasValue(row);
	}

	@Test
	void laterTurnsUpdateModelTimeAndCountAndKeepTheSession() {
		this.store.recordTurn("c1", "alice", "model-a", "provider-a", "s1");
		advance(Duration.ofSeconds(90));
		ConversationRecord row = new ConversationRecord("c1", "alice", "model-b", "provider-b", asNewRow(START),
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
	void listsOnlyTheUsersConversationsNewestMessageFirstOrOldestFirst() {
		this.store.recordTurn("old", "alice", "m", "p", null);
		advance(Duration.ofMinutes(1));
		this.store.recordTurn("new", "alice", "m", "p", null);
		advance(Duration.ofMinutes(1));
		this.store.recordTurn("bobs", "bob", "m", "p", null);
		assertThat(list("alice", ConversationStore.Order.NEWEST_MESSAGE_FIRST)).containsExactly("new", "old");
		advance(Duration.ofMinutes(1));
		this.store.recordTurn("old", "alice", "m", "p", null);
		assertThat(list("alice", ConversationStore.Order.NEWEST_MESSAGE_FIRST)).containsExactly("old", "new");
		assertThat(list("alice", ConversationStore.Order.OLDEST_FIRST)).containsExactly("old", "new");
		assertThat(list("nobody", ConversationStore.Order.OLDEST_FIRST)).isEmpty();
	}

	@Test
	void oldestFirstIsTheOrderOfCreationEvenWithinOneSecond() {
		// ids that sort the other way round
		for (String id : List.of("c3", "c2", "c1")) {
			this.store.recordTurn(id, "alice", "m", "p", null);
			advance(Duration.ofMillis(100));
		}
		assertThat(list("alice", ConversationStore.Order.OLDEST_FIRST)).containsExactly("c3", "c2", "c1");
	}

	private List<String> list(String user, ConversationStore.Order order) {
		return this.store.listByUser(user, order).stream().map(ConversationRecord::id).toList();
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
		assertThat(this.store.listByUser("o'brien", ConversationStore.Order.OLDEST_FIRST)).hasSize(1);
	}

	@Test
	void unusableIdsAreRejectedBeforeSql() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.store.recordTurn("", "alice", "m", "p", null));
		assertThatIllegalArgumentException().isThrownBy(() -> this.store.find("a\u0000b"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.store.listByUser("x".repeat(256), ConversationStore.Order.OLDEST_FIRST));
	}

	/** A new row's time: whole seconds on SQLite, as LCS leaves them. */
	OffsetDateTime asNewRow(Instant instant) {
		return at((vendor() == DatabaseVendor.SQLITE) ? instant.truncatedTo(ChronoUnit.SECONDS) : instant);
	}

	static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
