package dev.lightspeed.stack.query;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import dev.lightspeed.stack.config.DatabaseConfig;
import dev.lightspeed.stack.storage.DataSources;
import dev.lightspeed.stack.storage.DatabaseSchema;
import dev.lightspeed.stack.storage.DatabaseVendor;
import dev.lightspeed.stack.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Replicas in one process sharing a real PostgreSQL ({@code scripts/with-postgres.sh}):
 * each a {@link PostgresStreams} with its {@link InterruptListener}, whose stopped
 * streams are recorded.
 */
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_PORT, matches = "\\d+")
class PostgresStreamsTests {

	private static final Duration BACKOFF = Duration.ofMillis(50);

	private DatabaseConfig.Postgres config;

	private DataSource dataSource;

	private JdbcClient jdbc;

	private final List<AutoCloseable> replicas = new ArrayList<>();

	@BeforeEach
	void database() {
		this.config = TestDatabases.postgres(null);
		this.dataSource = DataSources.create(new DatabaseConfig(null, this.config));
		DatabaseSchema.apply(this.dataSource, DatabaseVendor.POSTGRESQL);
		this.jdbc = JdbcClient.create(this.dataSource);
	}

	@AfterEach
	void dropNamespace() throws Exception {
		for (AutoCloseable replica : this.replicas) {
			replica.close();
		}
		this.jdbc.sql("DROP SCHEMA " + "\"" + this.config.namespace() + "\" CASCADE").update();
		DataSources.close(this.dataSource);
	}

	@Test
	void anInterruptReachingAnotherReplicaStopsTheStreamWhereItRuns() {
		Replica a = replica();
		Replica b = replica();
		String requestId = UUID.randomUUID().toString();
		ActiveStreams.Registration stream = a.streams().publish(requestId, "alice");

		assertThat(b.streams().interrupt(requestId, "bob")).isEqualTo(ActiveStreams.Result.FORBIDDEN);
		assertThat(b.streams().interrupt(UUID.randomUUID().toString(), "alice"))
			.isEqualTo(ActiveStreams.Result.NOT_FOUND);
		assertThat(b.streams().interrupt(requestId, "alice")).isEqualTo(ActiveStreams.Result.INTERRUPTED);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(a.stopped()).containsExactly(requestId));
		assertThat(b.stopped()).isEmpty();

		stream.close();
		assertThat(b.streams().interrupt(requestId, "alice")).isEqualTo(ActiveStreams.Result.NOT_FOUND);
	}

	@Test
	void theStreamsOfAReplicaKilledOutrightAreNotFound() {
		AtomicBoolean alive = new AtomicBoolean(true);
		Replica killed = replica(alive);
		Replica other = replica();
		String requestId = UUID.randomUUID().toString();
		killed.streams().publish(requestId, "alice");
		int pid = listenerPid(killed);

		// what kill -9 leaves: its rows, and no process behind its listener
		alive.set(false);
		terminate(pid);

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(other.streams().interrupt(requestId, "alice"))
				.isEqualTo(ActiveStreams.Result.NOT_FOUND));
		assertThat(other.streams().interrupt(requestId, "bob")).isEqualTo(ActiveStreams.Result.NOT_FOUND);
	}

	@Test
	void aListenerWhoseConnectionBreaksListensAgain() {
		Replica a = replica();
		Replica b = replica();
		String requestId = UUID.randomUUID().toString();
		a.streams().publish(requestId, "alice");
		int pid = listenerPid(a);

		terminate(pid);

		await().atMost(Duration.ofSeconds(10)).until(() -> listenerPid(a) != pid);
		assertThat(b.streams().interrupt(requestId, "alice")).isEqualTo(ActiveStreams.Result.INTERRUPTED);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(a.stopped()).containsExactly(requestId));
	}

	@Test
	void aReplicaConnectingRemovesWhatReplicasGoneForGoodLeft() {
		Replica running = replica();
		String runningStream = UUID.randomUUID().toString();
		running.streams().publish(runningStream, "alice");
		this.jdbc.sql("INSERT INTO stream_listener (channel, backend_pid) VALUES ('gone', -1)").update();
		this.jdbc
			.sql("INSERT INTO active_stream (request_id, user_id, channel, started_at)"
					+ " VALUES ('old', 'alice', 'gone', now() - interval '1 hour')")
			.update();

		replica();

		assertThat(this.jdbc.sql("SELECT channel FROM stream_listener").query(String.class).list()).hasSize(2)
			.doesNotContain("gone");
		assertThat(this.jdbc.sql("SELECT request_id FROM active_stream").query(String.class).list())
			.containsExactly(runningStream);
	}

	@Test
	void aReplicaThatStopsTakesItsListenerOut() throws Exception {
		Replica a = replica();
		this.replicas.remove(a.listener());
		a.listener().close();
		assertThat(this.jdbc.sql("SELECT count(*) FROM stream_listener").query(Integer.class).single()).isZero();
	}

	private Replica replica() {
		return replica(new AtomicBoolean(true));
	}

	// a replica whose database connections fail once alive is false
	private Replica replica(AtomicBoolean alive) {
		PostgresStreams streams = new PostgresStreams(this.jdbc, Duration.ofMinutes(10));
		Queue<String> stopped = new ConcurrentLinkedQueue<>();
		InterruptListener listener = InterruptListener.start(streams, () -> open(alive), stopped::add, BACKOFF,
				BACKOFF);
		this.replicas.add(listener);
		return new Replica(streams, listener, stopped);
	}

	private Connection open(AtomicBoolean alive) throws SQLException {
		if (!alive.get()) {
			throw new SQLException("killed");
		}
		return DataSources.postgresConnection(this.config, "test");
	}

	private int listenerPid(Replica replica) {
		return this.jdbc.sql("SELECT backend_pid FROM stream_listener WHERE channel = :channel")
			.param("channel", replica.streams().channel())
			.query(Integer.class)
			.single();
	}

	private void terminate(int pid) {
		assertThat(this.jdbc.sql("SELECT pg_terminate_backend(:pid)").param("pid", pid).query(Boolean.class).single())
			.isTrue();
	}

	private record Replica(PostgresStreams streams, InterruptListener listener, Queue<String> stopped) {
	}

}
