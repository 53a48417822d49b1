package dev.lightspeed.stack.llamastack.library;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server that keeps dying is started again more and more slowly, at most 5 times in the
 * first minute; one that ran for a minute is restarted at once.
 */
class RestartPolicyTests {

	private final RestartPolicy policy = new RestartPolicy();

	@Test
	void crashLoopShouldBackOffFromOneToThirtySeconds() {
		List<Long> delays = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			delays.add(this.policy.after(Duration.ofMillis(300)).delay().toSeconds());
		}
		assertThat(delays).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
	}

	@Test
	void crashLoopShouldRestartAtMostFiveTimesInAMinuteAndTwiceAMinuteAfter() {
		Duration clock = Duration.ZERO;
		List<Duration> restarts = new ArrayList<>();
		while (clock.compareTo(Duration.ofMinutes(5)) < 0) {
			// each run dies half a second after its start
			clock = clock.plusMillis(500).plus(this.policy.after(Duration.ofMillis(500)).delay());
			restarts.add(clock);
		}
		for (Duration start : restarts) {
			Duration end = start.plusMinutes(1);
			long inThatMinute = restarts.stream()
				.filter((r) -> r.compareTo(start) >= 0 && r.compareTo(end) < 0)
				.count();
			assertThat(inThatMinute).as("restarts in the minute from " + start).isLessThanOrEqualTo(5);
		}
		Duration lastMinute = clock.minusMinutes(1);
		assertThat(restarts.stream().filter((r) -> r.compareTo(lastMinute) > 0)).hasSizeLessThanOrEqualTo(2);
	}

	@Test
	void quickExitsShouldBeCountedForTheLog() {
		assertThat(this.policy.after(Duration.ofSeconds(2)).quickExitsInARow()).isEqualTo(1);
		assertThat(this.policy.after(Duration.ofSeconds(2)).quickExitsInARow()).isEqualTo(2);
		assertThat(this.policy.after(Duration.ofSeconds(2)).quickExitsInARow()).isEqualTo(3);
	}

	@Test
	void serverThatRanForAMinuteShouldBeRestartedAfterOneSecondAgain() {
		for (int i = 0; i < 6; i++) {
			this.policy.after(Duration.ofSeconds(1));
		}
		RestartPolicy.Restart afterALongRun = this.policy.after(Duration.ofMinutes(1));
		assertThat(afterALongRun.delay()).isEqualTo(Duration.ofSeconds(1));
		assertThat(afterALongRun.quickExitsInARow()).isEqualTo(1);
		assertThat(this.policy.after(Duration.ofSeconds(1)).delay()).isEqualTo(Duration.ofSeconds(2));
	}

}
