package dev.lightspeed.stack.support;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.lightspeed.stack.conversations.ConversationRecord;
import dev.lightspeed.stack.conversations.ConversationStore;
import org.jspecify.annotations.Nullable;

/**
 * A conversation store in memory, for tests of the features that use one.
 */
public class InMemoryConversationStore implements ConversationStore {

	private final Map<String, ConversationRecord> records = new ConcurrentHashMap<>();

	@Override
	public Optional<ConversationRecord> find(String id) {
		return Optional.ofNullable(this.records.get(id));
	}

	@Override
	public Optional<ConversationRecord> recordTurn(String id, String userId, String model, String provider,
			@Nullable String sessionId) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		ConversationRecord row = this.records.compute(id, (key, old) -> {
			if (old == null) {
				return new ConversationRecord(id, userId, model, provider, now, now, 1, null, sessionId);
			}
			if (!old.userId().equals(userId)) {
				return old;
			}
			return new ConversationRecord(id, userId, model, provider, old.createdAt(), now, old.messageCount() + 1,
					old.topicSummary(), (sessionId != null) ? sessionId : old.sessionId());
		});
		return row.userId().equals(userId) ? Optional.of(row) : Optional.empty();
	}

	@Override
	public List<ConversationRecord> listByUser(String userId, Order order) {
		return listAll(order).stream().filter((r) -> r.userId().equals(userId)).toList();
	}

	@Override
	public List<ConversationRecord> listAll(Order order) {
		Comparator<ConversationRecord> comparator = (order == Order.OLDEST_FIRST)
				? Comparator.comparing(ConversationRecord::createdAt)
				: Comparator.comparing(ConversationRecord::lastMessageAt).reversed();
		return this.records.values().stream().sorted(comparator).toList();
	}

	@Override
	public boolean setTopicSummary(String id, String topicSummary) {
		return this.records.computeIfPresent(id,
				(key, r) -> new ConversationRecord(r.id(), r.userId(), r.lastUsedModel(), r.lastUsedProvider(),
						r.createdAt(), r.lastMessageAt(), r.messageCount(), topicSummary, r.sessionId())) != null;
	}

	@Override
	public boolean delete(String id) {
		return this.records.remove(id) != null;
	}

}
