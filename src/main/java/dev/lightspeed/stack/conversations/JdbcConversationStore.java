package dev.lightspeed.stack.conversations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.lightspeed.stack.storage.DatabaseVendor;
import dev.lightspeed.stack.storage.Identifiers;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link ConversationStore} on the {@code user_conversation} table (LCS 0.2.0 columns
 * plus {@code topic_summary} and {@code llama_session_id}). Every value is a bind
 * parameter; the upsert returns the row it leaves, so a caller can keep it.
 */
class JdbcConversationStore implements ConversationStore {

	private static final String COLUMNS = "id, user_id, last_used_model, last_used_provider, created_at, "
			+ "last_message_at, message_count, topic_summary, llama_session_id";

	// One statement, so concurrent first turns cannot both insert. The WHERE keeps a row
	// owned by someone else untouched. A new row's times are as LCS leaves them (whole
	// seconds on SQLite), a later turn's precise.
	private static final String UPSERT = """
			INSERT INTO user_conversation (id, user_id, last_used_model, last_used_provider, created_at,
				last_message_at, message_count, llama_session_id)
			VALUES (:id, :userId, :model, :provider, :created, :created, 1, :sessionId)
			ON CONFLICT (id) DO UPDATE SET last_used_model = excluded.last_used_model,
				last_used_provider = excluded.last_used_provider, last_message_at = :now,
				message_count = user_conversation.message_count + 1,
				llama_session_id = COALESCE(excluded.llama_session_id, user_conversation.llama_session_id)
			WHERE user_conversation.user_id = excluded.user_id
			RETURNING\s""" + COLUMNS;

	private final JdbcClient jdbc;

	private final DatabaseVendor vendor;

	private final Clock clock;

	JdbcConversationStore(JdbcClient jdbc, DatabaseVendor vendor) {
		this(jdbc, vendor, Clock.systemUTC());
	}

	JdbcConversationStore(JdbcClient jdbc, DatabaseVendor vendor, Clock clock) {
		this.jdbc = jdbc;
		this.vendor = vendor;
		this.clock = clock;
	}

	@Override
	public Optional<ConversationRecord> find(String id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM user_conversation WHERE id = :id")
			.param("id", Identifiers.requireStorable("conversation id", id))
			.query(this::toRecord)
			.optional();
	}

	@Override
	public Optional<ConversationRecord> recordTurn(String id, String userId, String model, String provider,
			@Nullable String sessionId) {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		return this.jdbc.sql(UPSERT)
			.param("id", Identifiers.requireStorable("conversation id", id))
			.param("userId", Identifiers.requireStorable("user id", userId))
			.param("model", model)
			.param("provider", provider)
			.param("created", this.vendor.defaultTimestamp(now))
			.param("now", this.vendor.timestamp(now))
			.param("sessionId", sessionId)
			.query(this::toRecord)
			.optional();
	}

	@Override
	public List<ConversationRecord> listByUser(String userId, Order order) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM user_conversation WHERE user_id = :userId ORDER BY " + orderBy(order))
			.param("userId", Identifiers.requireStorable("user id", userId))
			.query(this::toRecord)
			.list();
	}

	private String orderBy(Order order) {
		return switch (order) {
			case NEWEST_MESSAGE_FIRST -> "last_message_at DESC, created_at DESC, id";
			// On SQLite, the order LCS 0.2.0 lists in (it names none: SQLite reads the
			// user_id index, whose rows are in rowid order); elsewhere as near as it
			// gets.
			case OLDEST_FIRST -> (this.vendor == DatabaseVendor.SQLITE) ? "rowid" : "created_at, id";
		};
	}

	@Override
	public List<ConversationRecord> listAll(Order order) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM user_conversation ORDER BY " + orderBy(order))
			.query(this::toRecord)
			.list();
	}

	@Override
	public boolean setTopicSummary(String id, String topicSummary) {
		return this.jdbc.sql("UPDATE user_conversation SET topic_summary = :summary WHERE id = :id")
			.param("summary", topicSummary)
			.param("id", Identifiers.requireStorable("conversation id", id))
			.update() > 0;
	}

	@Override
	public boolean delete(String id) {
		return this.jdbc.sql("DELETE FROM user_conversation WHERE id = :id")
			.param("id", Identifiers.requireStorable("conversation id", id))
			.update() > 0;
	}

	private ConversationRecord toRecord(ResultSet rs, int row) throws SQLException {
		return new ConversationRecord(rs.getString("id"), rs.getString("user_id"), rs.getString("last_used_model"),
				rs.getString("last_used_provider"), timestamp(rs, "created_at"), timestamp(rs, "last_message_at"),
				rs.getInt("message_count"), rs.getString("topic_summary"), rs.getString("llama_session_id"));
	}

	private OffsetDateTime timestamp(ResultSet rs, String column) throws SQLException {
		// The columns are NOT NULL.
		return Objects.requireNonNull(this.vendor.readTimestamp(rs, column));
	}

}
