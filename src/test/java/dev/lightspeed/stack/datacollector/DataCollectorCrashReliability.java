package dev.lightspeed.stack.datacollector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.lightspeed.stack.support.FakeIngress;
import dev.lightspeed.stack.support.PackagedJar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service jar, as operators run it, killed with SIGKILL while the ingress server
 * holds its upload (stored, 202 not sent yet), then started again: only the batch in
 * flight is sent again, with the same id and bytes, and nothing is lost.
 */
class DataCollectorCrashReliability {

	private static final int RECORDS = 220;

	@RegisterExtension
	final CollectorFixture fixture = new CollectorFixture();

	private final List<Process> processes = new ArrayList<>();

	@AfterEach
	void killLeftovers() {
		this.processes.forEach(Process::destroyForcibly);
	}

	@Test
	void slow202AndKill9MidUploadThenRestart() throws Exception {
		Path dir = this.fixture.dir();
		FakeIngress ingress = this.fixture.ingress();
		List<String> produced = this.fixture.produce(RECORDS);
		ingress.delay(Duration.ofMinutes(2));
		Path config = PackagedJar.writeConfiguration(dir, "reliability",
				this.fixture.section(ingress.url(), 3600, true, 30));
		Process first = start(config, "first.log");
		await().atMost(Duration.ofMinutes(2)).until(() -> !ingress.uploads().isEmpty());
		FakeIngress.Upload inFlight = ingress.uploads().get(0);
		assertThat(Files.readString(dir.resolve("feedback/" + InFlightBatch.FILE_NAME))).contains(inFlight.batchId());
		// destroyForcibly is SIGKILL on Linux: no shutdown hook, no last collection
		first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		assertThat(first.exitValue()).isEqualTo(128 + 9);
		ingress.delay(Duration.ZERO);

		Process second = start(config, "second.log");
		await().atMost(Duration.ofMinutes(2))
			.until(() -> Delivery.count(produced, ingress.uploads(), dir).leftOnDisk() == 0);
		second.destroy();
		assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();

		List<FakeIngress.Upload> uploads = ingress.uploads();
		assertThat(uploads.get(1).batchId()).isEqualTo(inFlight.batchId());
		assertThat(uploads.get(1).archive()).isEqualTo(inFlight.archive());
		assertThat(Files.readString(dir.resolve("second.log")))
			.contains("Data collector sends batch " + inFlight.batchId() + " (100 files) again, first")
			.contains("Data collector stopped with nothing left to upload");
		Delivery delivery = Delivery.count(produced, uploads, dir).report("slow 202, kill -9 mid-upload, restart");
		DataCollectorReliability.assertDelivered(delivery, Batch.MAX_FILES);
	}

	/**
	 * Starts the jar with the JVM options of {@code make run} and the container.
	 */
	private Process start(Path config, String log) throws IOException {
		Process process = PackagedJar.command(config, "@" + Path.of("scripts/jvm-options").toAbsolutePath())
			.directory(config.getParent().toFile())
			.redirectErrorStream(true)
			.redirectOutput(config.resolveSibling(log).toFile())
			.start();
		this.processes.add(process);
		return process;
	}

}
