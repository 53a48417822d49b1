package dev.lightspeed.stack.llamastack;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.lightspeed.stack.support.Captures;

/**
 * The turn events of a turn stream captured from a real Llama Stack 0.2.22
 * ({@code e2e/captures/0.2.22}), read as the Agents API backend reads them, for tests
 * that script a turn with what a real server sent.
 */
public final class CapturedTurns {

	private static final String DATA = "data: ";

	private CapturedTurns() {
	}

	/**
	 * The events of a captured turn.
	 * @param capture the file name, e.g. {@code mcp_tool.sse}
	 * @return its events, in order
	 */
	public static List<TurnEvent> of(String capture) {
		List<TurnEvent> events = new ArrayList<>();
		// the captures hold one single-line data field per event
		for (String line : new String(Captures.of(capture), StandardCharsets.UTF_8).split("\n")) {
			if (line.startsWith(DATA)) {
				events.addAll(AgentTurnEvents.map(line.substring(DATA.length()).getBytes(StandardCharsets.UTF_8)));
			}
		}
		return events;
	}

}
