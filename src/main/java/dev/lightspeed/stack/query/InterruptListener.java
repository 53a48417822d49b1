package dev.lightspeed.stack.query;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;

/**
 * Listens on this replica's channel ({@link PostgresStreams}) on a connection of its own
 * and a virtual thread: each notification is the request id of a stream of this process
 * to stop, whose owner the sending replica checked. When the connection breaks it
 * connects again after a pause that doubles up to a bound, and says so once per outage;
 * meanwhile the other replicas answer 404 for this one's streams.
 */
final class InterruptListener implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(InterruptListener.class);

	/** How long one wait for notifications lasts, and so how soon a stop is seen. */
	static final int POLL_MILLIS = 1000;

	/** How often a quiet connection is asked whether it still answers. */
	static final Duration CHECK_EVERY = Duration.ofSeconds(30);

	private final PostgresStreams streams;

	private final Connections connections;

	private final Consumer<String> stop;

	private final Duration initialBackoff;

	private final Duration maximumBackoff;

	private final Thread thread;

	private volatile boolean running = true;

	private boolean away;

	private InterruptListener(PostgresStreams streams, Connections connections, Consumer<String> stop,
			Duration initialBackoff, Duration maximumBackoff) {
		this.streams = streams;
		this.connections = connections;
		this.stop = stop;
		this.initialBackoff = initialBackoff;
		this.maximumBackoff = maximumBackoff;
		Connection first = connectQuietly();
		this.thread = Thread.ofVirtual().name("stream-interrupts").unstarted(() -> run(first));
	}

	/**
	 * Listens from now on until closed. The first connection is made before this returns,
	 * so that the streams started from then on can be reached.
	 * @param streams this replica's channel and rows
	 * @param connections opens a listening connection
	 * @param stop stops a stream of this process by its request id
	 * @param initialBackoff the first pause after a failed connection
	 * @param maximumBackoff the longest
	 * @return the running listener
	 */
	static InterruptListener start(PostgresStreams streams, Connections connections, Consumer<String> stop,
			Duration initialBackoff, Duration maximumBackoff) {
		InterruptListener listener = new InterruptListener(streams, connections, stop, initialBackoff, maximumBackoff);
		listener.thread.start();
		return listener;
	}

	private void run(@Nullable Connection first) {
		Connection connection = first;
		Duration backoff = this.initialBackoff;
		while (this.running) {
			if (connection != null) {
				try (Connection open = connection) {
					receive(open);
				}
				catch (SQLException ex) {
					if (this.running) {
						outage(ex);
					}
				}
				connection = null;
				if (!this.running) {
					return;
				}
			}
			try {
				Thread.sleep(backoff);
			}
			catch (InterruptedException ex) {
				return;
			}
			connection = connectQuietly();
			backoff = (connection != null) ? this.initialBackoff : longer(backoff);
		}
		if (connection != null) {
			// connected as the listener was being closed
			try {
				connection.close();
			}
			catch (SQLException ex) {
				logger.debug("Closing the listening connection failed", ex);
			}
		}
	}

	private Duration longer(Duration backoff) {
		Duration doubled = backoff.multipliedBy(2);
		return (doubled.compareTo(this.maximumBackoff) < 0) ? doubled : this.maximumBackoff;
	}

	private @Nullable Connection connectQuietly() {
		try {
			Connection connection = connect();
			if (this.away) {
				logger.info("Listening for interrupts from the other replicas again");
				this.away = false;
			}
			return connection;
		}
		catch (SQLException | DataAccessException ex) {
			outage(ex);
			return null;
		}
	}

	private Connection connect() throws SQLException {
		Connection connection = this.connections.open();
		try (Statement statement = connection.createStatement()) {
			// the channel is letters, digits and underscores
			statement.execute("LISTEN " + this.streams.channel());
			try (ResultSet pid = statement.executeQuery("SELECT pg_backend_pid()")) {
				pid.next();
				this.streams.listening(pid.getInt(1));
			}
			return connection;
		}
		catch (SQLException | RuntimeException ex) {
			connection.close();
			throw ex;
		}
	}

	private void receive(Connection connection) throws SQLException {
		PGConnection listening = connection.unwrap(PGConnection.class);
		long checkAt = System.nanoTime() + CHECK_EVERY.toNanos();
		while (this.running) {
			PGNotification[] notifications = listening.getNotifications(POLL_MILLIS);
			if (notifications != null) {
				for (PGNotification notification : notifications) {
					this.stop.accept(notification.getParameter());
				}
			}
			// a connection cut without a word (a network gone) would otherwise wait
			// forever
			if (System.nanoTime() - checkAt > 0) {
				if (!connection.isValid((int) CHECK_EVERY.toSeconds())) {
					throw new SQLException("the connection stopped answering");
				}
				checkAt = System.nanoTime() + CHECK_EVERY.toNanos();
			}
		}
	}

	private void outage(Exception ex) {
		if (!this.away) {
			logger.warn("Interrupts sent to the other replicas cannot stop this one's streams until the database "
					+ "can be reached again: {}", ex.getMessage());
			this.away = true;
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.running = false;
		if (!this.thread.join(Duration.ofMillis(2L * POLL_MILLIS))) {
			this.thread.interrupt();
			this.thread.join(Duration.ofMillis(POLL_MILLIS));
		}
		try {
			this.streams.stopped();
		}
		catch (DataAccessException ex) {
			logger.debug("This replica's listener is left in the database; the next replica to start removes it", ex);
		}
	}

	/** Where the listening connections come from. */
	@FunctionalInterface
	interface Connections {

		Connection open() throws SQLException;

	}

}
