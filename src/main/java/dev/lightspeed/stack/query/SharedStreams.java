package dev.lightspeed.stack.query;

/**
 * The streams of the other replicas of this service, where they share a database that can
 * tell (PostgreSQL): a stream is published while it runs, and an interrupt that does not
 * find its stream in this process looks there. On SQLite, which one process uses, there
 * are none ({@link #NONE}).
 */
interface SharedStreams {

	/** No other replica: nothing published, every stream elsewhere unknown. */
	SharedStreams NONE = new SharedStreams() {

		@Override
		public ActiveStreams.Registration publish(String requestId, String userId) {
			return () -> {
			};
		}

		@Override
		public ActiveStreams.Result interrupt(String requestId, String userId) {
			return ActiveStreams.Result.NOT_FOUND;
		}

	};

	/**
	 * Makes a stream of this process known to the other replicas.
	 * @param requestId the stream's request id
	 * @param userId who started it
	 * @return the publication, to close when the stream is over
	 */
	ActiveStreams.Registration publish(String requestId, String userId);

	/**
	 * Stops a stream that another replica runs.
	 * @param requestId the stream's request id
	 * @param userId who asks
	 * @return what happened: {@code INTERRUPTED} once the replica running it was told
	 */
	ActiveStreams.Result interrupt(String requestId, String userId);

}
