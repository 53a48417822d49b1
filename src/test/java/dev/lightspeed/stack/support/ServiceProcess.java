package dev.lightspeed.stack.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The packaged jar running as operators run it ({@code java @scripts/jvm-options -jar}),
 * as a process of its own, its output kept in a log file, for the reliability suite and
 * the replicas: started on a free port, ready once {@code /liveness} (or, for a replica
 * behind a proxy, {@code /readiness}) answers, stopped with SIGTERM or killed with
 * SIGKILL by the test.
 */
public final class ServiceProcess implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Process process;

	private final int port;

	private final Path log;

	private ServiceProcess(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/**
	 * Writes the configuration and starts the jar in a directory, waiting until it
	 * answers.
	 * @param directory where the configuration, database and log go
	 * @param llamaStackUrl Llama Stack's base URL
	 * @param sections more YAML sections ({@code user_data_collection:},
	 * {@code authentication:})
	 * @param javaOptions JVM options after those of {@code scripts/jvm-options}
	 * @return the running service
	 */
	public static ServiceProcess start(Path directory, String llamaStackUrl, String sections, String... javaOptions)
			throws IOException {
		int port = PackagedJar.freePort();
		Path config = PackagedJar.writeConfiguration(directory, "reliability", port, llamaStackUrl, sections);
		ServiceProcess service = launch(config, port, directory.resolve("service.log"), Map.of(), javaOptions);
		await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> !service.process.isAlive() || service.answers());
		if (!service.process.isAlive()) {
			throw new IllegalStateException("the service did not start, see " + service.log);
		}
		return service;
	}

	/**
	 * Starts the jar with a configuration file of its own, without waiting for it; it
	 * runs in the configuration file's directory.
	 * @param config the configuration file
	 * @param port the port it names
	 * @param log where the output goes (appended)
	 * @param environment more environment variables
	 * @param javaOptions JVM options after those of {@code scripts/jvm-options}
	 * @return the process, perhaps not ready yet
	 * @throws IOException when the JVM cannot be started
	 */
	public static ServiceProcess launch(Path config, int port, Path log, Map<String, String> environment,
			String... javaOptions) throws IOException {
		List<String> options = new ArrayList<>(List.of("@" + Path.of("scripts/jvm-options").toAbsolutePath()));
		options.addAll(List.of(javaOptions));
		ProcessBuilder builder = PackagedJar.command(config, options.toArray(String[]::new))
			.directory(config.toAbsolutePath().getParent().toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().putAll(environment);
		return new ServiceProcess(builder.start(), port, log);
	}

	/**
	 * Waits until {@code /readiness} answers 200, as a load balancer does before it sends
	 * requests.
	 * @param timeout how long at most
	 * @return this
	 */
	public ServiceProcess awaitReady(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		ApplicationClient client = client();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new AssertionError("the service on port " + this.port + " exited:\n" + output());
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
		throw new AssertionError(
				"the service on port " + this.port + " was not ready in " + timeout + ":\n" + output());
	}

	/**
	 * The {@code user_data_collection} section (required): feedback and transcripts on,
	 * stored in {@code feedback/} and {@code transcripts/} of a directory. More keys of
	 * the section may follow, indented by two spaces.
	 * @param data where feedback and transcripts go
	 * @return the YAML section
	 */
	public static String userData(Path data) {
		return """
				user_data_collection:
				  feedback_enabled: true
				  feedback_storage: %s/feedback
				  transcripts_enabled: true
				  transcripts_storage: %s/transcripts
				""".formatted(data, data);
	}

	private boolean answers() {
		try {
			return HTTP
				.send(HttpRequest.newBuilder(URI.create(url("/liveness"))).timeout(Duration.ofSeconds(2)).build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	public String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	public long pid() {
		return this.process.pid();
	}

	public Path log() {
		return this.log;
	}

	/**
	 * Its output so far.
	 * @return the text
	 */
	public String output() {
		try {
			return Files.readString(this.log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
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

	/** SIGKILL: no shutdown hook runs, nothing is flushed. */
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
