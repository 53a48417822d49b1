package dev.lightspeed.stack.datacollector;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.lightspeed.stack.config.DataCollectorConfig;
import dev.lightspeed.stack.config.UserDataCollectionConfig;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Runs a {@link CollectionCycle} at start-up and then every {@code collection_interval}
 * seconds on a thread of its own. A failed cycle is simply retried at the next interval.
 * On shutdown it runs one last cycle after the web server has stopped (so the transcripts
 * of the last requests go too); from the stop signal, the cycle running then and the last
 * one together get {@code connection_timeout_seconds} + 5 s, no upload runs past that,
 * and what could not be sent in that time stays on disk for the next start, as the log
 * says.
 */
class DataCollector implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(DataCollector.class);

	// after the web server (graceful shutdown and stop) in the stop order
	private static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private static final Duration SHUTDOWN_SLACK = Duration.ofSeconds(5);

	private final DataCollectorConfig config;

	private final CollectionCycle cycle;

	private final IngressClient ingress;

	private final Duration shutdownBudget;

	private final CountDownLatch stopSignal = new CountDownLatch(1);

	private volatile Instant stopBy = Instant.MAX;

	private volatile @Nullable Thread thread;

	DataCollector(UserDataCollectionConfig userData) {
		this.config = userData.dataCollector();
		Duration timeout = Duration.ofSeconds(this.config.connectionTimeoutSeconds());
		this.ingress = new IngressClient(URI.create(Objects.requireNonNull(this.config.ingressServerUrl())),
				this.config.ingressServerAuthToken(), Objects.requireNonNull(this.config.ingressContentServiceName()),
				timeout);
		this.cycle = new CollectionCycle(sources(userData), this.config.cleanupAfterSend(), this.ingress, timeout);
		this.shutdownBudget = timeout.plus(SHUTDOWN_SLACK);
	}

	static List<Source> sources(UserDataCollectionConfig userData) {
		List<Source> sources = new ArrayList<>();
		if (userData.feedbackEnabled() && userData.feedbackStorage() != null) {
			sources.add(Source.feedback(Path.of(userData.feedbackStorage())));
		}
		if (userData.transcriptsEnabled() && userData.transcriptsStorage() != null) {
			sources.add(Source.transcripts(Path.of(userData.transcriptsStorage())));
		}
		return sources;
	}

	/**
	 * Runs one cycle now.
	 * @return what it did
	 */
	synchronized CollectionCycle.Outcome collect() throws InterruptedException {
		return this.cycle.run(() -> this.stopBy);
	}

	@Override
	public void start() {
		logger.info("Data collector uploads to {} every {} s (cleanup after send: {})", this.ingress.target(),
				this.config.collectionInterval(), this.config.cleanupAfterSend());
		this.thread = Thread.ofVirtual().name("data-collector").start(this::loop);
	}

	private void loop() {
		try {
			do {
				collectQuietly();
			}
			while (!this.stopSignal.await(this.config.collectionInterval(), TimeUnit.SECONDS));
			logger.info("Data collector: last collection before shutdown");
			CollectionCycle.Outcome last = collectQuietly();
			if (last == null) {
				logger.warn("Data collector stopped after a failed last collection; the files not uploaded stay on "
						+ "disk for the next start");
			}
			else if (last.left() > 0) {
				logger.warn("Data collector stopped with {} files not uploaded; they stay on disk for the next start",
						last.left());
			}
			else {
				logger.info("Data collector stopped with nothing left to upload");
			}
		}
		catch (InterruptedException ex) {
			logger.warn("Data collector stopped during an upload; its batch and the files not uploaded stay on disk "
					+ "for the next start");
			Thread.currentThread().interrupt();
		}
	}

	private CollectionCycle.@Nullable Outcome collectQuietly() throws InterruptedException {
		try {
			return collect();
		}
		catch (RuntimeException ex) {
			// the next cycle may do better; the thread must not die
			logger.error("Data collector cycle failed: {}", ex.toString(), ex);
			return null;
		}
	}

	@Override
	public void stop() {
		Thread running = this.thread;
		this.stopBy = Instant.now().plus(this.shutdownBudget);
		this.stopSignal.countDown();
		if (running != null) {
			try {
				// the cycles keep to the budget; this is for a scan that does not
				if (!running.join(this.shutdownBudget.plus(SHUTDOWN_SLACK))) {
					running.interrupt();
					running.join(SHUTDOWN_SLACK);
				}
			}
			catch (InterruptedException ex) {
				running.interrupt();
				Thread.currentThread().interrupt();
			}
		}
		this.thread = null;
		this.ingress.close();
	}

	@Override
	public boolean isRunning() {
		return this.thread != null;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
