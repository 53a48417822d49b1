package dev.lightspeed.stack.query;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.lightspeed.stack.llamastack.TurnEvent;
import dev.lightspeed.stack.llamastack.TurnStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * The streams of this process and what the other replicas know of them: a stream is
 * published while it runs and withdrawn the moment it is stopped (so that a second
 * interrupt through any replica is a 404), and an interrupt for a stream not running here
 * is looked up among the other replicas'.
 */
class ActiveStreamsTests {

	private final Shared shared = new Shared();

	private final ActiveStreams streams = new ActiveStreams(this.shared);

	@Test
	void aStreamStoppedHereIsWithdrawnAtOnceAndOnlyOnce() {
		Upstream upstream = new Upstream();
		ActiveStreams.Registration registration = this.streams.register("r1", "alice", turn(upstream));
		assertThat(this.shared.events).containsExactly("publish r1 alice");

		assertThat(this.streams.interrupt("r1", "bob")).isEqualTo(ActiveStreams.Result.FORBIDDEN);
		assertThat(this.streams.interrupt("r1", "alice")).isEqualTo(ActiveStreams.Result.INTERRUPTED);
		assertThat(this.shared.events).containsExactly("publish r1 alice", "withdraw r1");
		assertThat(upstream.closed).isTrue();

		registration.close();
		assertThat(this.shared.events).containsExactly("publish r1 alice", "withdraw r1");
	}

	@Test
	void aStreamStoppedByAnotherReplicaIsWithdrawnAtOnce() {
		Upstream upstream = new Upstream();
		this.streams.register("r1", "alice", turn(upstream));

		assertThat(this.streams.stop("r1")).isTrue();
		assertThat(upstream.closed).isTrue();
		assertThat(this.shared.events).containsExactly("publish r1 alice", "withdraw r1");
		assertThat(this.streams.stop("r1")).isFalse();
		assertThat(this.streams.count()).isZero();
	}

	@Test
	void anInterruptForAStreamNotRunningHereIsLookedUpElsewhere() {
		assertThat(this.streams.interrupt("elsewhere", "alice")).isEqualTo(ActiveStreams.Result.INTERRUPTED);
		assertThat(this.streams.interrupt("nowhere", "alice")).isEqualTo(ActiveStreams.Result.NOT_FOUND);
		assertThat(this.shared.events).containsExactly("interrupt elsewhere alice", "interrupt nowhere alice");
	}

	@Test
	void aStreamThatEndsIsWithdrawn() {
		this.streams.register("r1", "alice", turn(new Upstream())).close();
		assertThat(this.shared.events).containsExactly("publish r1 alice", "withdraw r1");
		assertThat(this.streams.interrupt("r1", "alice")).isEqualTo(ActiveStreams.Result.NOT_FOUND);
	}

	private static OpenTurn turn(Upstream upstream) {
		return new OpenTurn(mock(PreparedTurn.class), upstream);
	}

	private static final class Shared implements SharedStreams {

		final List<String> events = new CopyOnWriteArrayList<>();

		@Override
		public ActiveStreams.Registration publish(String requestId, String userId) {
			this.events.add("publish " + requestId + " " + userId);
			return () -> this.events.add("withdraw " + requestId);
		}

		@Override
		public ActiveStreams.Result interrupt(String requestId, String userId) {
			this.events.add("interrupt " + requestId + " " + userId);
			return requestId.equals("elsewhere") ? ActiveStreams.Result.INTERRUPTED : ActiveStreams.Result.NOT_FOUND;
		}

	}

	private static final class Upstream implements TurnStream {

		volatile boolean closed;

		@Override
		public @Nullable TurnEvent next() {
			return null;
		}

		@Override
		public void close() {
			this.closed = true;
		}

	}

}
