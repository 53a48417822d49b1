package dev.lightspeed.stack.quota;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;

/**
 * A request let through by the quotas, holding the tokens they set aside for it until it
 * is settled: charged with what it cost, or released when it never reached Llama Stack.
 * Only the first of these counts.
 */
public final class Admission {

	private static final Logger logger = LoggerFactory.getLogger(Admission.class);

	/** A request no quota counts. */
	public static final Admission NONE = new Admission(null, List.of(), null);

	private final @Nullable QuotaStore store;

	private final List<QuotaStore.Reservation> reservations;

	// the user whose token history to keep; null when history is off
	private final @Nullable String historyUser;

	private final AtomicBoolean settled = new AtomicBoolean();

	Admission(@Nullable QuotaStore store, List<QuotaStore.Reservation> reservations, @Nullable String historyUser) {
		this.store = store;
		this.reservations = List.copyOf(reservations);
		this.historyUser = historyUser;
	}

	/**
	 * Charges the request's cost to every quota it counts against. A database failure
	 * here is logged, not raised: the answer was given.
	 * @param inputTokens tokens sent to the model
	 * @param outputTokens tokens the model produced
	 * @param provider the model's provider
	 * @param model the model
	 * @return what each quota has left, by name; empty when none counts the request
	 */
	public Map<String, Long> settle(long inputTokens, long outputTokens, String provider, String model) {
		if (this.store == null || !this.settled.compareAndSet(false, true)) {
			return Map.of();
		}
		try {
			if (this.historyUser != null) {
				this.store.recordHistory(this.historyUser, provider, model, inputTokens, outputTokens);
			}
			return this.store.settle(this.reservations, inputTokens + outputTokens);
		}
		catch (DataAccessException ex) {
			logger.warn("Tokens of a request could not be charged to its quotas: {}",
					ex.getMostSpecificCause().getMessage());
			return Map.of();
		}
	}

	/**
	 * Gives back what was set aside, for a request that never reached Llama Stack.
	 */
	public void release() {
		if (this.store == null || this.reservations.isEmpty() || !this.settled.compareAndSet(false, true)) {
			return;
		}
		try {
			this.store.settle(this.reservations, 0);
		}
		catch (DataAccessException ex) {
			// the reservations expire on their own
			logger.warn("Quota reservations could not be released: {}", ex.getMostSpecificCause().getMessage());
		}
	}

}
