package dev.lightspeed.stack.replicas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.lightspeed.stack.support.ApplicationClient;
import dev.lightspeed.stack.support.PackagedJar;

/**
 * The packaged jar running as a process of its own, as a replica in a pod runs: started
 * with the JVM options of {@code scripts/jvm-options} and a configuration file, its
 * output kept in a log file, ready once {@code /readiness} answers 200; stopped with
 * SIGTERM, or killed with SIGKILL.
 */
final class ReplicaProcess implements AutoCloseable {

	private final Process process;

	private final int port;

	private final Path log;

	private ReplicaProcess(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/**
	 * Starts the jar.
	 * @param config the configuration file
	 * @param port the port it names
	 * @param log where the output goes
	 * @param environment more environment variables
	 * @return the process, perhaps not ready yet
	 * @throws IOException when the JVM cannot be started
	 */
	public static ReplicaProcess start(Path config, int port, Path log, Map<String, String> environment)
			throws IOException {
		ProcessBuilder builder = PackagedJar
			.command(config, "@" + Path.of("scripts/jvm-options").toAbsolutePath(), "-Xmx256m")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().putAll(environment);
		return new ReplicaProcess(builder.start(), port, log);
	}

	/**
	 * Waits until {@code /readiness} answers 200.
	 * @param timeout how long at most
	 * @return this
	 */
	public ReplicaProcess awaitReady(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		ApplicationClient client = client();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new AssertionError("the service on port " + this.port + " exited:\n" + log());
			}
			try {
				if (client.send("GET", "/readiness").statusCode() == 200) {
					return this;
				}
			}
			catch (UncheckedIOException ex) {
				if (!(ex.getCause() instanceof ConnectException)) {
					throw ex;
				}
			}
			Thread.sleep(200);
		}
		throw new AssertionError("the service on port " + this.port + " was not ready in " + timeout + ":\n" + log());
	}

	public int port() {
		return this.port;
	}

	/**
	 * A client for this process alone.
	 * @return the client
	 */
	public ApplicationClient client() {
		return ApplicationClient.http(this.port);
	}

	/**
	 * Its output so far.
	 * @return the text
	 */
	public String log() {
		try {
			return Files.readString(this.log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Kills it as {@code kill -9} does: no shutdown hook, nothing finished.
	 */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			kill();
		}
	}

}
