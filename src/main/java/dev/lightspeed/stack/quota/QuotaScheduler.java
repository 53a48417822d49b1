package dev.lightspeed.stack.quota;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;

/**
 * LCS's quota scheduler: every {@code quota_handlers.scheduler.period} seconds (every
 * minute without {@code quota_handlers}, for the quotas of API keys), restores the quotas
 * whose period has ended and gives back what requests that never ended set aside.
 */
class QuotaScheduler implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(QuotaScheduler.class);

	private final QuotaStore store;

	private final RequestRates rates;

	private final Duration period;

	private volatile ScheduledExecutorService executor;

	QuotaScheduler(QuotaStore store, RequestRates rates, Duration period) {
		this.store = store;
		this.rates = rates;
		this.period = period;
	}

	void tick() {
		try {
			int restored = this.store.restore();
			int expired = this.store.expireReservations();
			if (restored + expired > 0) {
				logger.debug("Quotas restored: {}, reservations expired: {}", restored, expired);
			}
		}
		catch (DataAccessException ex) {
			logger.warn("Quotas could not be restored, will try again: {}", ex.getMostSpecificCause().getMessage());
		}
		this.rates.evictIdle();
	}

	@Override
	public void start() {
		ScheduledExecutorService started = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("quota-scheduler").daemon().factory());
		started.scheduleWithFixedDelay(this::tick, 0, this.period.toMillis(), TimeUnit.MILLISECONDS);
		this.executor = started;
	}

	@Override
	public void stop() {
		ScheduledExecutorService running = this.executor;
		if (running != null) {
			running.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

}
