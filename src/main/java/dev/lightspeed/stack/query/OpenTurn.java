package dev.lightspeed.stack.query;

import java.util.concurrent.atomic.AtomicReference;

import dev.lightspeed.stack.llamastack.TurnStream;

/**
 * A turn running upstream, which its user may stop, and a stopping service may end.
 */
final class OpenTurn {

	private final PreparedTurn turn;

	private final TurnStream upstream;

	private final AtomicReference<Stop> stop = new AtomicReference<>(Stop.NONE);

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
	 * Stops the turn at its user's request: the upstream answer is abandoned, and its
	 * reader sees the end.
	 */
	void interrupt() {
		stop(Stop.INTERRUPTED);
	}

	/**
	 * Ends the turn because the service stops: the upstream answer is abandoned, and the
	 * client is told why.
	 */
	void shutDown() {
		stop(Stop.SHUT_DOWN);
	}

	private void stop(Stop reason) {
		if (this.stop.compareAndSet(Stop.NONE, reason)) {
			this.upstream.close();
		}
	}

	boolean interrupted() {
		return this.stop.get() == Stop.INTERRUPTED;
	}

	boolean wasShutDown() {
		return this.stop.get() == Stop.SHUT_DOWN;
	}

	boolean stopped() {
		return this.stop.get() != Stop.NONE;
	}

	private enum Stop {

		NONE, INTERRUPTED, SHUT_DOWN

	}

}
