package dev.lightspeed.stack.datacollector;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.lightspeed.stack.support.FakeIngress;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The data collector against an ingress server that fails in each way issue 34 found:
 * every record produced reaches the server or stays on disk, and a record reaches it more
 * than once only when it was in the one batch in flight when an upload went unconfirmed.
 * Each scenario adds a row to {@code target/reliability/data-collector.md}; the kill -9
 * scenario, which needs a real process, is {@link DataCollectorCrashReliability}.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DataCollectorReliability {

	@RegisterExtension
	final CollectorFixture fixture = new CollectorFixture();

	private static final int RECORDS = 220;

	@Test
	@Order(1)
	void ingressAnswers500ThreeTimes(CapturedOutput output) throws Exception {
		this.fixture.ingress().answer(500, 500, 500);
		List<String> produced = failThenRecover(3, () -> {
		});
		assertThat(output).contains("refused with status 500: {\"errors\":[{\"detail\":\"boom\"}]}");
		assertDelivered(count(produced).report("ingress 500 ×3"), 0);
	}

	@Test
	@Order(2)
	void connectionRefusedThreeTimes(CapturedOutput output) throws Exception {
		this.fixture.ingress().refuseConnections(true);
		List<String> produced = failThenRecover(3, () -> this.fixture.ingress().refuseConnections(false));
		assertThat(output)
			.contains("failed: connection refused; the batch is sent again, unchanged, at the next cycle");
		assertDelivered(count(produced).report("connection refused ×3"), 0);
	}

	@Test
	@Order(3)
	void ingressStoresThenHangsTwice(CapturedOutput output) throws Exception {
		this.fixture.ingress().hang(2, true);
		List<String> produced = failThenRecover(2, () -> {
		});
		assertThat(output).contains("failed: no answer within 2 s");
		Delivery delivery = count(produced).report("hang ×2, stored");
		// the one batch in flight, three times with the same id and bytes, and nothing
		// else
		List<FakeIngress.Upload> copies = this.fixture.ingress().uploads().subList(0, 3);
		assertThat(copies).extracting(FakeIngress.Upload::batchId).containsOnly(copies.get(0).archiveHash());
		assertThat(copies).extracting(FakeIngress.Upload::archiveHash).containsOnly(copies.get(0).archiveHash());
		assertThat(delivery.more()).isEqualTo(Batch.MAX_FILES);
		assertDelivered(delivery, Batch.MAX_FILES);
	}

	@Test
	@Order(4)
	void ingressHangsTwiceWithoutStoring() throws Exception {
		this.fixture.ingress().hang(2, false);
		List<String> produced = failThenRecover(2, () -> {
		});
		assertDelivered(count(produced).report("hang ×2, not stored"), 0);
	}

	@Test
	@Order(5)
	void ingressSendsHeadersThenStallsAndTheServiceStopsDuringTheStall(CapturedOutput output) throws Exception {
		List<String> produced = new ArrayList<>(this.fixture.produce(RECORDS));
		this.fixture.ingress().stallAfterHeaders();
		DataCollector collector = this.fixture.collector(3600, true, 2);
		collector.start();
		await().atMost(Duration.ofSeconds(10)).until(() -> !this.fixture.ingress().uploads().isEmpty());
		// written during the stall: the last collection at shutdown takes them
		produced.addAll(this.fixture.produce(30));
		long stopping = System.nanoTime();
		collector.stop();
		Duration stopped = Duration.ofNanos(System.nanoTime() - stopping);
		assertThat(stopped).isLessThan(Duration.ofSeconds(2 + 5));
		assertThat(output).contains("the server answered 202 but its body did not come within 2 s",
				"Data collector stopped with nothing left to upload");
		assertDelivered(count(produced).report("202 headers, then the body stalls; shutdown during the stall"), 0);
	}

	@Test
	@Order(6)
	void recordsWrittenDuringUploads() throws Exception {
		List<String> produced = new CopyOnWriteArrayList<>(this.fixture.produce(RECORDS));
		this.fixture.ingress().delay(Duration.ofMillis(200));
		DataCollector collector = this.fixture.collector(7200, true, 5);
		AtomicBoolean writing = new AtomicBoolean(true);
		CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
			await().atMost(Duration.ofSeconds(10)).until(() -> !this.fixture.ingress().uploads().isEmpty());
			while (writing.get()) {
				produced.addAll(uncheck(() -> this.fixture.produce(1)));
				sleep(Duration.ofMillis(50));
			}
		});
		CollectionCycle.Outcome first = collector.collect();
		writing.set(false);
		writer.join();
		assertThat(first.files()).isEqualTo(RECORDS);
		CollectionCycle.Outcome second = collector.collect();
		assertThat(second.files()).isEqualTo(produced.size() - RECORDS).isPositive();
		assertThat(second.complete()).isTrue();
		assertDelivered(count(produced).report("records written during uploads"), 0);
	}

	/**
	 * Produces the records, runs cycles that fail as the ingress server was told to,
	 * heals it and runs one more cycle, which must send everything.
	 */
	private List<String> failThenRecover(int failures, Runnable heal) throws Exception {
		List<String> produced = this.fixture.produce(RECORDS);
		DataCollector collector = this.fixture.collector(7200, true, 2);
		for (int i = 0; i < failures; i++) {
			assertThat(collector.collect().left()).isEqualTo(RECORDS);
		}
		heal.run();
		assertThat(collector.collect().complete()).isTrue();
		return produced;
	}

	private Delivery count(List<String> produced) throws Exception {
		return Delivery.count(produced, this.fixture.ingress().uploads(), this.fixture.dir());
	}

	static void assertDelivered(Delivery delivery, int duplicates) {
		assertThat(delivery.lost()).as("lost").isZero();
		assertThat(delivery.unknown()).as("received but never produced").isEmpty();
		assertThat(delivery.leftOnDisk()).as("left on disk").isZero();
		assertThat(delivery.duplicated()).as("received more than once").isEqualTo(duplicates);
	}

	private static <T> T uncheck(java.util.concurrent.Callable<T> call) {
		try {
			return call.call();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
