package dev.lightspeed.stack.query;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import dev.lightspeed.stack.errors.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The streams of the replicas that share a PostgreSQL database. A stream started here is
 * a row of {@code active_stream} while it runs, naming this replica's {@code LISTEN}
 * channel; an interrupt that reaches another replica finds the row, checks the owner and
 * {@code NOTIFY}s the channel, and this replica's {@link InterruptListener} stops the
 * stream as a local interrupt would. A replica can be reached while the server process of
 * its listening connection ({@code stream_listener}) lives: the rows of a replica killed
 * outright name a process PostgreSQL has ended with its connections, and count as no
 * stream, so that an interrupt never answers 200 for a stream that cannot stop.
 */
final class PostgresStreams implements SharedStreams {

	private static final Logger logger = LoggerFactory.getLogger(PostgresStreams.class);

	private static final String LIVE_LISTENER = "EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.pid = l.backend_pid)";

	private final JdbcClient jdbc;

	private final Duration streamTimeout;

	private final String channel = "lightspeed_stream_" + UUID.randomUUID().toString().replace("-", "");

	PostgresStreams(JdbcClient jdbc, Duration streamTimeout) {
		this.jdbc = jdbc;
		this.streamTimeout = streamTimeout;
	}

	/**
	 * This replica's channel, random: replicas of other deployments may share the
	 * database, and channels are not confined to a schema.
	 * @return the channel's name
	 */
	String channel() {
		return this.channel;
	}

	@Override
	public ActiveStreams.Registration publish(String requestId, String userId) {
		try {
			this.jdbc.sql("INSERT INTO active_stream (request_id, user_id, channel) VALUES (:id, :user, :channel)")
				.param("id", requestId)
				.param("user", userId)
				.param("channel", this.channel)
				.update();
		}
		catch (DataAccessException ex) {
			logger.warn("Stream {} can be stopped only through this replica: the database did not take it ({})",
					requestId, ex.getMessage());
			return () -> {
			};
		}
		return () -> withdraw(requestId);
	}

	private void withdraw(String requestId) {
		try {
			this.jdbc.sql("DELETE FROM active_stream WHERE request_id = :id").param("id", requestId).update();
		}
		catch (DataAccessException ex) {
			// the next replica to connect removes it, once older than any stream can be
			logger.warn("Stream {} is over, but the database did not take it out ({})", requestId, ex.getMessage());
		}
	}

	@Override
	public ActiveStreams.Result interrupt(String requestId, String userId) {
		Optional<Owner> owner;
		try {
			owner = this.jdbc
				.sql("SELECT s.user_id, s.channel FROM active_stream s JOIN stream_listener l"
						+ " ON l.channel = s.channel WHERE s.request_id = :id AND " + LIVE_LISTENER)
				.param("id", requestId)
				.query(Owner.class)
				.optional();
			if (owner.isPresent() && owner.get().userId().equals(userId)) {
				this.jdbc.sql("SELECT pg_notify(:channel, :id)")
					.param("channel", owner.get().channel())
					.param("id", requestId)
					.query()
					.singleRow();
			}
		}
		catch (DataAccessException ex) {
			logger.warn("Interrupting stream {}: the database cannot be used ({})", requestId, ex.getMessage());
			throw ApiException.of(HttpStatus.SERVICE_UNAVAILABLE, "Unable to reach the database",
					"Streaming Request with ID " + requestId + " could not be looked up");
		}
		if (owner.isEmpty()) {
			return ActiveStreams.Result.NOT_FOUND;
		}
		return owner.get().userId().equals(userId) ? ActiveStreams.Result.INTERRUPTED : ActiveStreams.Result.FORBIDDEN;
	}

	/**
	 * Records the server process of this replica's listening connection, each time it
	 * connects, and removes what replicas gone for good left behind: listeners whose
	 * process has ended, streams older than any stream can be.
	 * @param backendPid the listening connection's {@code pg_backend_pid()}
	 */
	void listening(int backendPid) {
		this.jdbc
			.sql("INSERT INTO stream_listener (channel, backend_pid) VALUES (:channel, :pid) ON CONFLICT (channel)"
					+ " DO UPDATE SET backend_pid = EXCLUDED.backend_pid, listening_since = now()")
			.param("channel", this.channel)
			.param("pid", backendPid)
			.update();
		this.jdbc.sql("DELETE FROM stream_listener l WHERE NOT " + LIVE_LISTENER).update();
		this.jdbc.sql("DELETE FROM active_stream WHERE started_at < now() - :seconds * interval '1 second'")
			.param("seconds", this.streamTimeout.multipliedBy(2).toSeconds())
			.update();
	}

	/**
	 * Takes this replica's listener out as it stops.
	 */
	void stopped() {
		this.jdbc.sql("DELETE FROM stream_listener WHERE channel = :channel").param("channel", this.channel).update();
	}

	private record Owner(String userId, String channel) {
	}

}
