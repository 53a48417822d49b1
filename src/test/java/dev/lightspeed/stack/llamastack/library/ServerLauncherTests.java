package dev.lightspeed.stack.llamastack.library;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The launched server gets the run configuration with its {@code server} section replaced
 * (loopback, the chosen port, nothing else), and stops when its standard input ends: when
 * the JVM that started it dies, even by SIGKILL, the kernel closes that pipe.
 */
class ServerLauncherTests {

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(1);

	@TempDir
	Path directory;

	private FakeLlamaStack fake;

	private int port;

	private Process process;

	@BeforeEach
	void choosePort() throws Exception {
		this.fake = new FakeLlamaStack(this.directory);
		try (ServerSocket socket = new ServerSocket(0)) {
			this.port = socket.getLocalPort();
		}
	}

	@AfterEach
	void stop() {
		if (this.process != null) {
			this.process.destroyForcibly();
		}
	}

	@Test
	void serverShouldListenOnLoopbackOnlyAtThePortWithTheRunConfigurationItWasGiven() throws Exception {
		this.process = launcher(Map.of()).start();
		await().atMost(Duration.ofSeconds(20)).until(() -> version() == 200);
		JsonNode start = this.fake.starts().get(0);
		assertThat(start.path("pid").asLong()).isEqualTo(this.process.pid());
		assertThat(start.path("port").asInt()).isEqualTo(this.port);
		assertThat(start.path("server").toString()).isEqualTo("{\"host\":\"127.0.0.1\",\"port\":" + this.port + "}");
		Path written = Path.of(start.path("config").asString());
		assertThat(written).exists().isNotEqualTo(this.directory.resolve("run.yaml"));

		this.process.destroy();
		assertThat(this.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
		assertThat(written).as("the private copy of the run configuration").doesNotExist();
	}

	@Test
	void serverShouldStopWhenItsStandardInputEndsAsWhenTheServiceIsKilled() throws Exception {
		this.process = launcher(Map.of()).start();
		await().atMost(Duration.ofSeconds(20)).until(() -> version() == 200);
		this.process.getOutputStream().close();
		assertThat(this.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
		// SIGTERM: a clean exit
		assertThat(this.process.exitValue()).isZero();
	}

	@Test
	void serverThatIgnoresSigtermShouldBeKilledAfterTheStopTimeoutWhenItsStandardInputEnds() throws Exception {
		this.process = launcher(Map.of("ignore_sigterm", true)).start();
		await().atMost(Duration.ofSeconds(20)).until(() -> version() == 200);
		long closed = System.nanoTime();
		this.process.getOutputStream().close();
		assertThat(this.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
		assertThat(this.process.exitValue()).as("SIGKILL").isEqualTo(128 + 9);
		assertThat(Duration.ofNanos(System.nanoTime() - closed)).isGreaterThanOrEqualTo(STOP_TIMEOUT);
	}

	private ServerLauncher launcher(Map<String, Object> fake) throws Exception {
		InstalledServer installed = new InstalledServer("llama_stack", "0.2.22");
		return new ServerLauncher(FakeLlamaStack.python(), ServerCommand.of(installed, this.port),
				this.fake.runConfiguration(fake), this.port, STOP_TIMEOUT);
	}

	private int version() throws InterruptedException {
		try (HttpClient client = HttpClient.newHttpClient()) {
			return client
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/v1/version"))
					.timeout(Duration.ofSeconds(2))
					.build(), HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (IOException ex) {
			return 0;
		}
	}

}
