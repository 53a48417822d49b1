package dev.lightspeed.stack.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The service jar run as a real process with a given configuration, the way a deployment
 * runs it. The process gets the harness's tag (so {@code e2e/stack.sh stop} finds it) and
 * dies with the test JVM.
 */
final class LightspeedService implements AutoCloseable {

	/**
	 * Sections for a scenario that keeps feedback and transcripts (in the working
	 * directory) and offers the harness's MCP server as tool group {@code e2e-mcp}.
	 * @return the YAML, for {@link #configuration}
	 */
	static String userDataAndMcp() {
		return """
				user_data_collection:
				  feedback_enabled: true
				  feedback_storage: ${DIR}/feedback
				  transcripts_enabled: true
				  transcripts_storage: ${DIR}/transcripts
				mcp_servers:
				  - name: e2e-mcp
				    url: %s
				""".formatted(E2eEnvironment.mcpServerUrl());
	}

	private final Process process;

	private final int port;

	private final Path dir;

	private LightspeedService(Process process, int port, Path dir) {
		this.process = process;
		this.port = port;
		this.dir = dir;
	}

	/**
	 * The {@code inference} section naming the LLM stand-in as the default model: the
	 * guard stand-in is an LLM too, and after a restart Llama Stack may list it first.
	 * @return the YAML section
	 */
	static String defaultModel() {
		Generation generation = Generation.current();
		return """
				inference:
				  default_model: %s
				  default_provider: %s
				""".formatted(generation.model(), generation.provider());
	}

	/**
	 * A configuration for the harness's Llama Stack: loopback, the port and a SQLite
	 * database in the working directory, the LLM stand-in as the default model, plus the
	 * given sections.
	 * @param name the service name
	 * @param sections more top-level YAML sections
	 * @return the YAML, for {@link #start}
	 */
	static String configuration(String name, String sections) {
		return """
				name: %s
				service:
				  host: 127.0.0.1
				  port: ${PORT}
				llama_stack:
				  url: %s
				database:
				  sqlite:
				    db_path: ${DIR}/lightspeed.db
				""".formatted(name, E2eEnvironment.llamaStackUrl()) + defaultModel() + sections;
	}

	/**
	 * Starts the service and waits until it is ready ({@code /readiness} answers 200):
	 * connected to Llama Stack, whose providers are healthy, as a scenario expects.
	 * @param configuration the YAML, with {@code ${PORT}} and {@code ${DIR}} standing for
	 * the chosen port and a fresh working directory
	 * @return the running service
	 */
	static LightspeedService start(String configuration) throws IOException, InterruptedException {
		return start(configuration, "/readiness", Map.of());
	}

	/**
	 * Starts the service with more environment variables and waits until it is ready.
	 * @param configuration as for {@link #start(String)}
	 * @param environment the variables, e.g. service knobs of
	 * {@code application.properties}
	 * @return the running service
	 */
	static LightspeedService start(String configuration, Map<String, String> environment)
			throws IOException, InterruptedException {
		return start(configuration, "/readiness", environment);
	}

	/**
	 * Starts the service and waits only until it is live ({@code /liveness} answers 200),
	 * for a scenario that expects it not to be ready.
	 * @param configuration as for {@link #start(String)}
	 * @return the running service
	 */
	static LightspeedService startLive(String configuration) throws IOException, InterruptedException {
		return start(configuration, "/liveness", Map.of());
	}

	private static LightspeedService start(String configuration, String probe, Map<String, String> environment)
			throws IOException, InterruptedException {
		int port = freePort();
		Path dir = E2eEnvironment.workDir();
		Path config = dir.resolve("lightspeed-stack.yaml");
		Files.writeString(config,
				configuration.replace("${PORT}", Integer.toString(port)).replace("${DIR}", dir.toString()));
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of("setpriv", "--pdeathsig", "SIGKILL", "--", java,
				"@" + E2eEnvironment.jvmOptions(), "-jar", E2eEnvironment.jar().toString(), "-c", config.toString()));
		ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("service.log").toFile());
		builder.environment().putAll(environment);
		builder.environment().put("LCS_E2E_TAG", E2eEnvironment.tag());
		LightspeedService service = new LightspeedService(builder.start(), port, dir);
		service.await(probe);
		return service;
	}

	String url() {
		return "http://127.0.0.1:" + this.port;
	}

	Path dir() {
		return this.dir;
	}

	String log() throws IOException {
		return Files.readString(this.dir.resolve("service.log"));
	}

	private void await(String probe) throws IOException, InterruptedException {
		HttpClient client = HttpClient.newHttpClient();
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		String last = "no answer";
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("service exited with " + this.process.exitValue() + ":\n" + log());
			}
			try {
				HttpResponse<String> response = client.send(
						HttpRequest.newBuilder(URI.create(url() + probe)).timeout(Duration.ofSeconds(2)).build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200) {
					return;
				}
				last = response.statusCode() + " " + response.body();
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		close();
		throw new IllegalStateException(
				"service did not answer 200 on " + probe + " within 60 s (last: " + last + "):\n" + log());
	}

	long pid() {
		return this.process.pid();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(Duration.ofSeconds(15).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
				this.process.destroyForcibly().waitFor();
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

}
