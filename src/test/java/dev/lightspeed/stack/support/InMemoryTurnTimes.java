package dev.lightspeed.stack.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.lightspeed.stack.conversations.TurnTimes;

/**
 * {@link TurnTimes} in memory, for slice tests.
 */
public class InMemoryTurnTimes implements TurnTimes {

	private final Map<String, List<Times>> times = new ConcurrentHashMap<>();

	@Override
	public void record(String conversationId, Instant startedAt, Instant completedAt) {
		this.times.computeIfAbsent(conversationId, (id) -> new ArrayList<>()).add(new Times(startedAt, completedAt));
	}

	@Override
	public List<Times> of(String conversationId) {
		return List.copyOf(this.times.getOrDefault(conversationId, List.of()));
	}

	@Override
	public void delete(String conversationId) {
		this.times.remove(conversationId);
	}

}
