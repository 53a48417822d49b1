package dev.lightspeed.stack.llamastack;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A turn this service answers itself, without Llama Stack: a question a shield refused.
 */
final class ScriptedTurnStream implements TurnStream {

	private final Deque<TurnEvent> events;

	ScriptedTurnStream(List<TurnEvent> events) {
		this.events = new ArrayDeque<>(events);
	}

	@Override
	public @Nullable TurnEvent next() {
		return this.events.poll();
	}

	@Override
	public void close() {
		this.events.clear();
	}

}
