package dev.lightspeed.stack.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The packaged jar running as operators run it ({@code java @scripts/jvm-options -jar}),
 * for the reliability suite: started on a free port, ready once {@code /liveness}
 * answers, stopped or killed by the test.
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
		List<String> options = new ArrayList<>(List.of("@" + Path.of("scripts/jvm-options").toAbsolutePath()));
		options.addAll(List.of(javaOptions));
		Path log = directory.resolve("service.log");
		Process process = PackagedJar.command(config, options.toArray(String[]::new))
			.directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
		ServiceProcess service = new ServiceProcess(process, port, log);
		await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> !process.isAlive() || service.answers());
		if (!process.isAlive()) {
			throw new IllegalStateException("the service did not start, see " + log);
		}
		return service;
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
