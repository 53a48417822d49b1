package dev.lightspeed.stack.datacollector;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
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
 * of the last requests go too), bounded by the connection timeout; an upload cut short
 * leaves its files on disk for the next start.
 */
class DataCollector implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(DataCollector.class);

	// after the web server (graceful shutdown and stop) in the stop order
	private static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private final DataCollectorConfig config;

	private final CollectionCycle cycle;

	private final IngressClient ingress;

	private final CountDownLatch stopSignal = new CountDownLatch(1);

	private volatile @Nullable Thread thread;

	DataCollector(UserDataCollectionConfig userData) {
		this.config = userData.dataCollector();
		this.ingress = new IngressClient(URI.create(Objects.requireNonNull(this.config.ingressServerUrl())),
				this.config.ingressServerAuthToken(), Objects.requireNonNull(this.config.ingressContentServiceName()),
				Duration.ofSeconds(this.config.connectionTimeoutSeconds()));
		this.cycle = new CollectionCycle(sources(userData), this.config.cleanupAfterSend(), this.ingress);
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
		return this.cycle.run();
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
			collectQuietly();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void collectQuietly() throws InterruptedException {
		try {
			collect();
		}
		catch (RuntimeException ex) {
			// the next cycle may do better; the thread must not die
			logger.error("Data collector cycle failed: {}", ex.toString(), ex);
		}
	}

	@Override
	public void stop() {
		Thread running = this.thread;
		this.stopSignal.countDown();
		if (running != null) {
			try {
				// one upload of the last cycle, and some slack
				if (!running.join(Duration.ofSeconds(this.config.connectionTimeoutSeconds() + 5L))) {
					logger.warn("Data collector did not finish its last upload in time; files stay for the next start");
					running.interrupt();
					running.join(Duration.ofSeconds(5));
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
