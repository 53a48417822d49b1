package dev.lightspeed.stack.llamastack;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Output shields on the Responses API, which has none of its own that LCS used: the
 * answer streams as it comes, and when it is complete the shields check its whole text. A
 * flagged answer ends like the Agents API's output shield ends it: a shield event with
 * the violation, then the turn completes with the refusal in place of the answer (the
 * text already streamed stays on the client's screen; what is kept, in history and
 * transcripts, is the refusal).
 */
final class OutputShieldedTurnStream implements TurnStream {

	private final TurnStream upstream;

	private final Function<String, Optional<TurnEvent.Violation>> check;

	private final Function<TurnEvent.Violation, String> refuse;

	private final Deque<TurnEvent> pending = new ArrayDeque<>();

	/**
	 * @param upstream the turn
	 * @param check checks the answer's text
	 * @param refuse records the refusal upstream and gives its text
	 */
	OutputShieldedTurnStream(TurnStream upstream, Function<String, Optional<TurnEvent.Violation>> check,
			Function<TurnEvent.Violation, String> refuse) {
		this.upstream = upstream;
		this.check = check;
		this.refuse = refuse;
	}

	@Override
	public @Nullable TurnEvent next() {
		if (!this.pending.isEmpty()) {
			return this.pending.poll();
		}
		TurnEvent event = this.upstream.next();
		if (event instanceof TurnEvent.TurnCompleted completed) {
			Optional<TurnEvent.Violation> violation = this.check.apply(completed.outputText());
			if (violation.isPresent()) {
				this.pending.add(new TurnEvent.TurnCompleted(this.refuse.apply(violation.get()), completed.usage(),
						completed.truncated()));
				return new TurnEvent.ShieldChecked(violation.get());
			}
		}
		return event;
	}

	@Override
	public void close() {
		this.upstream.close();
	}

}
