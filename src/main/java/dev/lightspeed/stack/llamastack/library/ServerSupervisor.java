package dev.lightspeed.stack.llamastack.library;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the library mode's server for as long as the application runs: starts it, waits
 * for it to answer, starts it again when it exits ({@link RestartPolicy}), and stops it
 * (SIGTERM, then SIGKILL after the stop timeout) when the application stops, after the
 * web server has finished its requests.
 */
final class ServerSupervisor implements LibraryModeServer, SmartLifecycle, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(ServerSupervisor.class);

	private static final Duration KILL_WAIT = Duration.ofSeconds(5);

	private final ServerLauncher launcher;

	private final HealthCheck health;

	private final RestartPolicy restarts = new RestartPolicy();

	private final String url;

	private final String name;

	private final Duration stopTimeout;

	private final ReentrantLock lock = new ReentrantLock();

	private volatile boolean running;

	private @Nullable Thread thread;

	private @Nullable Process process;

	ServerSupervisor(ServerLauncher launcher, HealthCheck health, String url, String name, Duration stopTimeout) {
		this.launcher = launcher;
		this.health = health;
		this.url = url;
		this.name = name;
		this.stopTimeout = stopTimeout;
	}

	@Override
	public Optional<String> url() {
		return Optional.of(this.url);
	}

	@Override
	public void start() {
		this.lock.lock();
		try {
			this.running = true;
			this.thread = Thread.ofPlatform().name("llama-stack-supervisor").daemon().start(this::supervise);
		}
		finally {
			this.lock.unlock();
		}
	}

	private void supervise() {
		try {
			while (this.running) {
				long started = System.nanoTime();
				Process server = launch();
				if (server != null) {
					awaitExit(server, started);
				}
				if (!this.running) {
					return;
				}
				Duration ran = Duration.ofNanos(System.nanoTime() - started);
				RestartPolicy.Restart restart = this.restarts.after(ran);
				if (server != null) {
					logger.warn("{} (pid {}) exited with status {} after {}; starting it again in {}{}", this.name,
							server.pid(), server.exitValue(), seconds(ran), seconds(restart.delay()),
							quickExits(restart));
				}
				else {
					logger.warn("Starting {} again in {}{}", this.name, seconds(restart.delay()), quickExits(restart));
				}
				Thread.sleep(restart.delay());
			}
		}
		catch (InterruptedException ex) {
			// stop() interrupts: the server is its to stop
		}
	}

	private @Nullable Process launch() {
		this.lock.lock();
		try {
			if (!this.running) {
				return null;
			}
			Process server = this.launcher.start();
			this.process = server;
			logger.info("Started {} (pid {}) for library mode; waiting for it to answer on {}", this.name, server.pid(),
					this.url);
			return server;
		}
		catch (IOException ex) {
			logger.warn("{} could not be started: {}", this.name, ex.getMessage());
			return null;
		}
		finally {
			this.lock.unlock();
		}
	}

	private void awaitExit(Process server, long started) throws InterruptedException {
		switch (this.health.await(server)) {
			case ANSWERS -> logger.info("{} (pid {}) answers on {}, {} after its start", this.name, server.pid(),
					this.url, seconds(Duration.ofNanos(System.nanoTime() - started)));
			case TIMED_OUT -> {
				logger.warn("{} (pid {}) did not answer on {}/v1/health within the start timeout; stopping it",
						this.name, server.pid(), this.url);
				terminate(server);
			}
			case EXITED -> {
				// reported by the caller with its exit status
			}
		}
		server.waitFor();
	}

	// a crash loop says so, and says that it is slowed down
	private static String quickExits(RestartPolicy.Restart restart) {
		return (restart.quickExitsInARow() < 2) ? ""
				: " (" + restart.quickExitsInARow() + " exits in a row within a minute of the start; restarts slow "
						+ "down to one every " + seconds(RestartPolicy.LONGEST_DELAY) + ")";
	}

	@Override
	public void stop() {
		Thread supervisor;
		Process server;
		this.lock.lock();
		try {
			this.running = false;
			supervisor = this.thread;
			server = this.process;
		}
		finally {
			this.lock.unlock();
		}
		if (supervisor != null) {
			supervisor.interrupt();
		}
		if (server != null && server.isAlive()) {
			logger.info("Stopping {} (pid {})", this.name, server.pid());
			terminate(server);
		}
		this.health.close();
	}

	private void terminate(Process server) {
		// SIGTERM through the handle: Process.destroy() would also close the pipes, and
		// the server's last words would be lost
		server.toHandle().destroy();
		try {
			if (!server.waitFor(this.stopTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
				logger.warn("{} (pid {}) did not stop within {} of SIGTERM; killing it", this.name, server.pid(),
						seconds(this.stopTimeout));
				server.destroyForcibly().waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
			}
		}
		catch (InterruptedException ex) {
			server.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	// also when the application fails to start after this started the server
	@Override
	public void destroy() {
		stop();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	// started before the web server, stopped after it has finished its requests
	@Override
	public int getPhase() {
		return WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE - 1024;
	}

	private static String seconds(Duration duration) {
		return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
	}

}
