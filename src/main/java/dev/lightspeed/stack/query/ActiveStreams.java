package dev.lightspeed.stack.query;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.stereotype.Component;

/**
 * The streams running in this process, by the {@code request_id} their {@code start}
 * event gave the client, so that {@code POST /v1/streaming_query/interrupt} can stop one
 * (LCS 0.4.2) and a stopping service can wait for them or end them. Only the user who
 * started a stream may stop it. Each is also published to the other replicas
 * ({@link SharedStreams}), where an interrupt for a stream not running here is looked up.
 */
@Component
class ActiveStreams {

	private final Map<String, Entry> streams = new ConcurrentHashMap<>();

	private final SharedStreams shared;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition removed = this.lock.newCondition();

	ActiveStreams(SharedStreams shared) {
		this.shared = shared;
	}

	/**
	 * Makes a stream interruptible until the registration is closed.
	 * @param requestId the stream's request id
	 * @param userId who started it
	 * @param turn the turn it streams
	 * @return the registration, to close when the stream is over
	 */
	Registration register(String requestId, String userId, OpenTurn turn) {
		// published first: its id reaches the client only after this returns
		Entry entry = new Entry(userId, turn, this.shared.publish(requestId, userId));
		this.streams.put(requestId, entry);
		return () -> remove(requestId, entry);
	}

	/**
	 * Stops a stream.
	 * @param requestId the stream's request id
	 * @param userId who asks
	 * @return what happened
	 */
	Result interrupt(String requestId, String userId) {
		Entry entry = this.streams.get(requestId);
		if (entry == null) {
			return this.shared.interrupt(requestId, userId);
		}
		if (!entry.userId().equals(userId)) {
			return Result.FORBIDDEN;
		}
		return stop(requestId) ? Result.INTERRUPTED : Result.NOT_FOUND;
	}

	/**
	 * Stops a stream of this process at the request of another replica, which checked its
	 * owner.
	 * @param requestId the stream's request id
	 * @return whether it was running here
	 */
	boolean stop(String requestId) {
		Entry entry = this.streams.get(requestId);
		if (entry != null && remove(requestId, entry)) {
			entry.turn().interrupt();
			return true;
		}
		return false;
	}

	/**
	 * How many streams are running.
	 * @return the number
	 */
	int count() {
		return this.streams.size();
	}

	/**
	 * Waits for the running streams to end.
	 * @param timeout how long to wait at most
	 * @return true when none is left
	 */
	boolean awaitNone(Duration timeout) {
		long left = timeout.toNanos();
		this.lock.lock();
		try {
			while (!this.streams.isEmpty()) {
				if (left <= 0) {
					return false;
				}
				left = this.removed.awaitNanos(left);
			}
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return this.streams.isEmpty();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Ends every running stream because the service stops.
	 * @return how many were ended
	 */
	int endAll() {
		int ended = 0;
		for (Map.Entry<String, Entry> stream : this.streams.entrySet()) {
			if (remove(stream.getKey(), stream.getValue())) {
				stream.getValue().turn().shutDown();
				ended++;
			}
		}
		return ended;
	}

	// a stream stopped or ended is unknown to every replica from then on, before its
	// client reads the end
	private boolean remove(String requestId, Entry entry) {
		if (!this.streams.remove(requestId, entry)) {
			return false;
		}
		entry.published().close();
		this.lock.lock();
		try {
			this.removed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
		return true;
	}

	enum Result {

		INTERRUPTED, NOT_FOUND, FORBIDDEN

	}

	/**
	 * A stream's registration; closing it makes the stream unknown.
	 */
	interface Registration extends AutoCloseable {

		@Override
		void close();

	}

	private record Entry(String userId, OpenTurn turn, Registration published) {
	}

}
