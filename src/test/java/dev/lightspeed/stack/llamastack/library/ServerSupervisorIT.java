package dev.lightspeed.stack.llamastack.library;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A server that keeps dying, or never answers, is started again, more slowly each time,
 * and the log says so; stopping the supervisor stops it however it behaves.
 */
@ExtendWith(OutputCaptureExtension.class)
class ServerSupervisorIT {

	@TempDir
	Path directory;

	private ServerSupervisor supervisor;

	@AfterEach
	void stop() {
		if (this.supervisor != null) {
			this.supervisor.stop();
		}
	}

	@Test
	void crashLoopShouldBeSlowedDownAndSaidSo(CapturedOutput output) throws Exception {
		FakeLlamaStack fake = new FakeLlamaStack(this.directory);
		this.supervisor = supervisor(fake, Map.of("exit", 3), Duration.ofMinutes(1));
		this.supervisor.start();
		await().atMost(Duration.ofSeconds(20)).until(() -> fake.starts().size() == 3);
		assertThat(output).contains("exited with status 3 after ")
			.contains("; starting it again in 1.0 s\n")
			.contains("; starting it again in 2.0 s (2 exits in a row within a minute of the start; restarts slow "
					+ "down to one every 30.0 s)")
			// the server's own words, under its logger
			.contains("llama-stack")
			.contains("ERROR    told to exit with status 3");
	}

	@Test
	void serverThatDoesNotAnswerWithinTheStartTimeoutShouldBeStoppedAndStartedAgain(CapturedOutput output)
			throws Exception {
		FakeLlamaStack fake = new FakeLlamaStack(this.directory);
		this.supervisor = supervisor(fake, Map.of("healthy", false), Duration.ofSeconds(1));
		this.supervisor.start();
		await().atMost(Duration.ofSeconds(30)).until(() -> fake.starts().size() == 2);
		long first = fake.starts().get(0).path("pid").asLong();
		assertThat(output).contains("Llama Stack 0.2.22 (pid " + first + ") did not answer on http://127.0.0.1:")
			.contains("/v1/health within the start timeout; stopping it");
		assertThat(ProcessHandle.of(first).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
	}

	@Test
	void serverThatIgnoresSigtermShouldBeKilledAfterTheStopTimeout(CapturedOutput output) throws Exception {
		FakeLlamaStack fake = new FakeLlamaStack(this.directory);
		this.supervisor = supervisor(fake, Map.of("ignore_sigterm", true), Duration.ofMinutes(1));
		this.supervisor.start();
		await().atMost(Duration.ofSeconds(20)).until(() -> output.toString().contains(") answers on "));
		long pid = fake.starts().get(0).path("pid").asLong();
		this.supervisor.stop();
		assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
		assertThat(output)
			.contains("Llama Stack 0.2.22 (pid " + pid + ") did not stop within 1.0 s of SIGTERM; " + "killing it");
		assertThat(fake.starts()).hasSize(1);
	}

	private static ServerSupervisor supervisor(FakeLlamaStack fake, Map<String, Object> behaviour,
			Duration startTimeout) throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		InstalledServer installed = new InstalledServer("llama_stack", "0.2.22");
		Duration stopTimeout = Duration.ofSeconds(1);
		ServerLauncher launcher = new ServerLauncher(FakeLlamaStack.python(), ServerCommand.of(installed, port),
				fake.runConfiguration(behaviour), port, stopTimeout);
		String url = "http://127.0.0.1:" + port;
		return new ServerSupervisor(launcher, new HealthCheck(url, startTimeout), url, installed.toString(),
				stopTimeout);
	}

}
