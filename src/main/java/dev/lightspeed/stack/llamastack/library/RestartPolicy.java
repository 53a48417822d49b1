package dev.lightspeed.stack.llamastack.library;

import java.time.Duration;

/**
 * When to start a server that exited: after 1 s, doubling up to 30 s while it keeps
 * exiting within a minute of its start, and after 1 s again once it had run for a minute.
 * A crash loop so restarts it at most 5 times in its first minute and twice a minute
 * after that, instead of spinning.
 */
final class RestartPolicy {

	static final Duration FIRST_DELAY = Duration.ofSeconds(1);

	static final Duration LONGEST_DELAY = Duration.ofSeconds(30);

	static final Duration STABLE_RUN = Duration.ofMinutes(1);

	private int quickExits;

	/**
	 * The restart after an exit.
	 * @param ran how long the server had run, from its start to its exit
	 * @return when to start it again, and how many quick exits in a row that makes
	 */
	Restart after(Duration ran) {
		if (ran.compareTo(STABLE_RUN) >= 0) {
			this.quickExits = 0;
		}
		Duration delay = FIRST_DELAY.multipliedBy(1L << Math.min(this.quickExits, 5));
		this.quickExits++;
		return new Restart((delay.compareTo(LONGEST_DELAY) < 0) ? delay : LONGEST_DELAY, this.quickExits);
	}

	/**
	 * @param delay how long to wait before starting the server again
	 * @param quickExitsInARow its exits within a minute of their start, this one included
	 * (1 after a run of a minute or more)
	 */
	record Restart(Duration delay, int quickExitsInARow) {

	}

}
