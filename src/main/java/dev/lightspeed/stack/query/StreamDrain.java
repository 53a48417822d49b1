package dev.lightspeed.stack.query;

import java.time.Duration;

import dev.lightspeed.stack.shutdown.ShutdownProperties;
import dev.lightspeed.stack.shutdown.ShutdownState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The first thing a stop does (the highest phase stops first, before the web server's
 * graceful shutdown): the service turns unready and refuses new questions, then the
 * answers being streamed get {@code lightspeed.shutdown.stream-grace} to finish; those
 * still running then end with an {@code error} event and {@code end}, so that no client
 * waits for an answer that will not come and the web server stops without cutting one.
 */
@Component
@EnableConfigurationProperties(ShutdownProperties.class)
class StreamDrain implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(StreamDrain.class);

	private final ShutdownState state;

	private final ActiveStreams streams;

	private final Duration grace;

	private volatile boolean running;

	StreamDrain(ShutdownState state, ActiveStreams streams, ShutdownProperties properties) {
		this.state = state;
		this.streams = streams;
		this.grace = properties.streamGrace();
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		if (!this.state.begin()) {
			return;
		}
		int open = this.streams.count();
		if (open == 0) {
			return;
		}
		logger.info("Stopping: {} answers are being streamed; they get {} to finish", open, this.grace);
		if (!this.streams.awaitNone(this.grace)) {
			int ended = this.streams.endAll();
			logger.warn("Stopping: {} answers did not finish in {} and were ended with an error", ended, this.grace);
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	// stops before everything else, the web server's graceful shutdown included
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

}
