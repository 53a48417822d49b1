package dev.lightspeed.stack.query;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The streams running in this process, by the {@code request_id} their {@code start}
 * event gave the client, so that {@code POST /v1/streaming_query/interrupt} can stop one
 * (LCS 0.4.2). Only the user who started a stream may stop it.
 */
@Component
class ActiveStreams {

	private final Map<String, Entry> streams = new ConcurrentHashMap<>();

	/**
	 * Makes a stream interruptible until the registration is closed.
	 * @param requestId the stream's request id
	 * @param userId who started it
	 * @param interrupt stops it
	 * @return the registration, to close when the stream is over
	 */
	Registration register(String requestId, String userId, Runnable interrupt) {
		this.streams.put(requestId, new Entry(userId, interrupt));
		return () -> this.streams.remove(requestId);
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
			return Result.NOT_FOUND;
		}
		if (!entry.userId().equals(userId)) {
			return Result.FORBIDDEN;
		}
		if (this.streams.remove(requestId, entry)) {
			entry.interrupt().run();
			return Result.INTERRUPTED;
		}
		return Result.NOT_FOUND;
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

	private record Entry(String userId, Runnable interrupt) {
	}

}
