package dev.lightspeed.stack.query;

import java.util.concurrent.atomic.AtomicBoolean;

import dev.lightspeed.stack.llamastack.TurnStream;

/**
 * A turn running upstream, which its user may stop.
 */
final class OpenTurn {

	private final PreparedTurn turn;

	private final TurnStream upstream;

	private final AtomicBoolean interrupted = new AtomicBoolean();

	OpenTurn(PreparedTurn turn, TurnStream upstream) {
		this.turn = turn;
		this.upstream = upstream;
	}

	PreparedTurn turn() {
		return this.turn;
	}

	TurnStream upstream() {
		return this.upstream;
	}

	/**
	 * Stops the turn: the upstream answer is abandoned, and its reader sees the end.
	 */
	void interrupt() {
		this.interrupted.set(true);
		this.upstream.close();
	}

	boolean interrupted() {
		return this.interrupted.get();
	}

}
