package dev.lightspeed.stack.conversations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A {@link ConversationStore} that keeps the rows it has read or written in memory, so a
 * follow-up question's ownership check costs no database read. Only for a database that
 * this process alone writes (SQLite): a row another process changed or deleted would be
 * answered from memory.
 * <p>
 * A row is kept only if nothing was invalidated while it was read or written, so a read
 * that overlapped a deletion cannot put the deleted row back; of two rows written by
 * concurrent turns the one with the higher {@code message_count} is kept, as in the
 * database. The least recently used rows go first once {@link #MAX_ROWS} are kept.
 */
final class CachedConversationStore implements ConversationStore {

	static final int MAX_ROWS = 10_000;

	private final ConversationStore store;

	private final Object lock = new Object();

	/** Guarded by {@link #lock}, as is {@link #invalidations}. */
	private final Map<String, ConversationRecord> rows = new LinkedHashMap<>(256, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, ConversationRecord> eldest) {
			return size() > MAX_ROWS;
		}

	};

	private long invalidations;

	CachedConversationStore(ConversationStore store) {
		this.store = store;
	}

	@Override
	public Optional<ConversationRecord> find(String id) {
		long seen;
		synchronized (this.lock) {
			ConversationRecord row = this.rows.get(id);
			if (row != null) {
				return Optional.of(row);
			}
			seen = this.invalidations;
		}
		return keep(this.store.find(id), seen);
	}

	@Override
	public Optional<ConversationRecord> recordTurn(String id, String userId, String model, String provider,
			@Nullable String sessionId) {
		long seen = invalidations();
		return keep(this.store.recordTurn(id, userId, model, provider, sessionId), seen);
	}

	@Override
	public List<ConversationRecord> listByUser(String userId, Order order) {
		return this.store.listByUser(userId, order);
	}

	@Override
	public List<ConversationRecord> listAll(Order order) {
		return this.store.listAll(order);
	}

	@Override
	public boolean setTopicSummary(String id, String topicSummary) {
		try {
			return this.store.setTopicSummary(id, topicSummary);
		}
		finally {
			invalidate(id);
		}
	}

	@Override
	public boolean delete(String id) {
		try {
			return this.store.delete(id);
		}
		finally {
			invalidate(id);
		}
	}

	private long invalidations() {
		synchronized (this.lock) {
			return this.invalidations;
		}
	}

	private Optional<ConversationRecord> keep(Optional<ConversationRecord> row, long seen) {
		row.ifPresent((fresh) -> {
			synchronized (this.lock) {
				if (this.invalidations == seen) {
					this.rows.merge(fresh.id(), fresh,
							(kept, candidate) -> (candidate.messageCount() >= kept.messageCount()) ? candidate : kept);
				}
			}
		});
		return row;
	}

	private void invalidate(String id) {
		synchronized (this.lock) {
			this.invalidations++;
			this.rows.remove(id);
		}
	}

}
