package dev.lightspeed.stack.conversations;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.lightspeed.stack.storage.Identifiers;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link TurnTimes} in the {@code conversation_turn} table, as epoch microseconds: the
 * same column type and order on SQLite and PostgreSQL.
 */
class JdbcTurnTimes implements TurnTimes {

	private final JdbcClient jdbc;

	JdbcTurnTimes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void record(String conversationId, Instant startedAt, Instant completedAt) {
		this.jdbc
			.sql("INSERT INTO conversation_turn (conversation_id, started_at, completed_at) "
					+ "VALUES (:id, :started, :completed)")
			.param("id", Identifiers.requireStorable("conversation id", conversationId))
			.param("started", micros(startedAt))
			.param("completed", micros(completedAt))
			.update();
	}

	@Override
	public List<Times> of(String conversationId) {
		return this.jdbc
			.sql("SELECT started_at, completed_at FROM conversation_turn WHERE conversation_id = :id "
					+ "ORDER BY started_at, completed_at")
			.param("id", Identifiers.requireStorable("conversation id", conversationId))
			.query((rs, row) -> new Times(instant(rs.getLong("started_at")), instant(rs.getLong("completed_at"))))
			.list();
	}

	@Override
	public void delete(String conversationId) {
		this.jdbc.sql("DELETE FROM conversation_turn WHERE conversation_id = :id")
			.param("id", Identifiers.requireStorable("conversation id", conversationId))
			.update();
	}

	private static long micros(Instant instant) {
		return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
	}

	private static Instant instant(long micros) {
		return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
	}

}
