package dev.lightspeed.stack.vectorstores;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.lightspeed.stack.storage.Identifiers;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link KnowledgeOwners} in the {@code knowledge_owner} table, the same on SQLite and
 * PostgreSQL.
 */
class JdbcKnowledgeOwners implements KnowledgeOwners {

	private final JdbcClient jdbc;

	private final Clock clock;

	JdbcKnowledgeOwners(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void record(Kind kind, String id, String userId) {
		this.jdbc.sql("INSERT INTO knowledge_owner (kind, id, user_id, created_at) VALUES (:kind, :id, :user, :now)")
			.param("kind", kind.column())
			.param("id", Identifiers.requireStorable(kind.column() + " id", id))
			.param("user", Identifiers.requireStorable("user id", userId))
			.param("now", this.clock.millis())
			.update();
	}

	@Override
	public Optional<String> owner(Kind kind, String id) {
		return this.jdbc.sql("SELECT user_id FROM knowledge_owner WHERE kind = :kind AND id = :id")
			.param("kind", kind.column())
			.param("id", Identifiers.requireStorable(kind.column() + " id", id))
			.query(String.class)
			.optional();
	}

	@Override
	public Map<String, String> owners(Kind kind) {
		Map<String, String> owners = new LinkedHashMap<>();
		this.jdbc.sql("SELECT id, user_id FROM knowledge_owner WHERE kind = :kind")
			.param("kind", kind.column())
			.query((rs) -> {
				owners.put(rs.getString("id"), rs.getString("user_id"));
			});
		return owners;
	}

	@Override
	public void forget(Kind kind, String id) {
		this.jdbc.sql("DELETE FROM knowledge_owner WHERE kind = :kind AND id = :id")
			.param("kind", kind.column())
			.param("id", Identifiers.requireStorable(kind.column() + " id", id))
			.update();
	}

}
