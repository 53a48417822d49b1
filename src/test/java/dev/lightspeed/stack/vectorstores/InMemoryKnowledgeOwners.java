package dev.lightspeed.stack.vectorstores;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link KnowledgeOwners} in memory, for slice tests.
 */
class InMemoryKnowledgeOwners implements KnowledgeOwners {

	private final Map<String, String> owners = new ConcurrentHashMap<>();

	@Override
	public void record(Kind kind, String id, String userId) {
		this.owners.put(kind.column() + "/" + id, userId);
	}

	@Override
	public Optional<String> owner(Kind kind, String id) {
		return Optional.ofNullable(this.owners.get(kind.column() + "/" + id));
	}

	@Override
	public Map<String, String> owners(Kind kind) {
		Map<String, String> owned = new LinkedHashMap<>();
		this.owners.forEach((key, user) -> {
			if (key.startsWith(kind.column() + "/")) {
				owned.put(key.substring(kind.column().length() + 1), user);
			}
		});
		return owned;
	}

	@Override
	public void forget(Kind kind, String id) {
		this.owners.remove(kind.column() + "/" + id);
	}

	void clear() {
		this.owners.clear();
	}

}
