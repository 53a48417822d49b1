package dev.lightspeed.stack.datacollector;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import dev.lightspeed.stack.config.UserDataCollectionConfig;
import dev.lightspeed.stack.support.FakeIngress;
import dev.lightspeed.stack.support.TestConfigurations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(OutputCaptureExtension.class)
class DataCollectorTests {

	@RegisterExtension
	final CollectorFixture fixture = new CollectorFixture();

	private static final String TOKEN = CollectorFixture.TOKEN;

	private static final String FEEDBACK_ID = "6a0d1d6e-3f6a-4f5e-9a53-2f1f7f6f0a01";

	private static final String TRANSCRIPT = "alice/0b6f2f5e-1c1d-4b4c-8c4b-0d7c1a2b3c4d/5c8a1e2f-0000-4000-8000-000000000001.json";

	@Test
	void acceptedUploadCarriesBothStoresInTheExporterLayoutAndDeletesTheFiles(CapturedOutput output) throws Exception {
		Path feedback = this.fixture.write("feedback/" + FEEDBACK_ID + ".json", "{\"user_id\": \"alice\"}");
		Path transcript = this.fixture.write("transcripts/" + TRANSCRIPT, "{\"llm_response\": \"caf\u00e9\"}");
		CollectionCycle.Outcome outcome = this.fixture.collector(7200, true, 30).collect();
		assertThat(outcome).isEqualTo(new CollectionCycle.Outcome(2, 1, 0));
		assertThat(this.fixture.ingress().uploads()).hasSize(1);
		FakeIngress.Upload upload = this.fixture.ingress().uploads().get(0);
		assertThat(upload.method()).isEqualTo("POST");
		assertThat(upload.path()).isEqualTo("/api/ingress/v1/upload");
		assertThat(upload.authorization()).isEqualTo("Bearer " + TOKEN);
		assertThat(upload.contentType()).startsWith("multipart/form-data; boundary=");
		// the batch id: the archive's SHA-256, in the file name and a header
		String id = upload.archiveHash();
		assertThat(upload.batchId()).isEqualTo(id);
		assertThat(upload.fileHeaders())
			.isEqualTo("Content-Disposition: form-data; name=\"file\"; filename=\"lightspeed-assistant-" + id
					+ ".tgz\"\r\n" + "Content-Type: application/vnd.redhat.lightspeed-stack.periodic+tar");
		assertThat(upload.members()).containsExactly(
				Map.entry("feedback/" + FEEDBACK_ID + ".json", "{\"user_id\": \"alice\"}"),
				Map.entry("transcripts/" + TRANSCRIPT, "{\"llm_response\": \"caf\u00e9\"}"));
		assertThat(feedback).doesNotExist();
		assertThat(transcript).doesNotExist();
		// emptied conversation and user directories go, the roots stay
		assertThat(this.fixture.dir().resolve("transcripts")).isEmptyDirectory();
		assertThat(this.fixture.dir().resolve("feedback")).isEmptyDirectory();
		assertThat(output)
			.contains(
					"Data collector uploaded batch " + id + " (2 files) to " + this.fixture.ingress().url()
							+ ": request_id r-1",
					"Data collector cycle: 2 files sent in 1 batches, 0 left for the next cycle")
			.doesNotContain(TOKEN);
		// the batch record is gone once the files are
		assertThat(this.fixture.dir().resolve("feedback/" + InFlightBatch.FILE_NAME)).doesNotExist();
	}

	@Test
	void transcriptsOfUserIdsThatAreSeveralDirectoriesAreCollectedAndTheirDirectoriesRemoved() throws Exception {
		// a Backstage entity ref and a JWT subject that is a URL, as the transcript store
		// lays them out
		String backstage = "transcripts/user:default/guest/" + TRANSCRIPT.substring("alice/".length());
		String url = "transcripts/https:/idp.example.com/users/42/" + TRANSCRIPT.substring("alice/".length());
		Path first = this.fixture.write(backstage, "{\"n\": 1}");
		Path second = this.fixture.write(url, "{\"n\": 2}");
		assertThat(this.fixture.collector(7200, true, 30).collect()).isEqualTo(new CollectionCycle.Outcome(2, 1, 0));
		assertThat(this.fixture.ingress().uploads().get(0).members()).containsOnlyKeys(backstage, url);
		assertThat(first).doesNotExist();
		assertThat(second).doesNotExist();
		assertThat(this.fixture.dir().resolve("transcripts")).isEmptyDirectory();
	}

	@Test
	void refusedUploadKeepsTheFilesAndTheNextCycleSendsThem(CapturedOutput output) throws Exception {
		Path feedback = this.fixture.write("feedback/" + FEEDBACK_ID + ".json", "{}");
		Path transcript = this.fixture.write("transcripts/" + TRANSCRIPT, "{}");
		this.fixture.ingress().answer(500);
		DataCollector collector = this.fixture.collector(7200, true, 30);
		assertThat(collector.collect().complete()).isFalse();
		assertThat(feedback).exists();
		assertThat(transcript).exists();
		assertThat(output)
			.contains("refused with status 500: {\"errors\":[{\"detail\":\"boom\"}]}; the batch is sent "
					+ "again, unchanged, at the next cycle")
			.doesNotContain(TOKEN);
		assertThat(collector.collect()).isEqualTo(new CollectionCycle.Outcome(2, 1, 0));
		assertThat(this.fixture.ingress().uploads()).hasSize(2);
		assertThat(this.fixture.ingress().uploads().get(1).members())
			.containsOnlyKeys("feedback/" + FEEDBACK_ID + ".json", "transcripts/" + TRANSCRIPT);
		assertThat(feedback).doesNotExist();
		assertThat(transcript).doesNotExist();
	}

	@Test
	void onlyAcceptedCountsAsSuccess() throws Exception {
		Path feedback = this.fixture.write("feedback/" + FEEDBACK_ID + ".json", "{}");
		this.fixture.ingress().answer(200, 201, 401);
		DataCollector collector = this.fixture.collector(7200, true, 30);
		for (int i = 0; i < 3; i++) {
			assertThat(collector.collect().complete()).isFalse();
		}
		assertThat(feedback).exists();
	}

	@Test
	void unreachableServerKeepsTheFiles(CapturedOutput output) throws Exception {
		Path feedback = this.fixture.write("feedback/" + FEEDBACK_ID + ".json", "{}");
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		CollectionCycle.Outcome outcome = this.fixture
			.collector("http://127.0.0.1:" + closedPort + "/upload", 7200, true, 5)
			.collect();
		assertThat(outcome.complete()).isFalse();
		assertThat(feedback).exists();
		assertThat(output).contains("to http://127.0.0.1:" + closedPort + "/upload failed: connection refused")
			.doesNotContain(TOKEN);
	}

	@Test
	void slowServerTimesOutAndTheFilesStay() throws Exception {
		Path feedback = this.fixture.write("feedback/" + FEEDBACK_ID + ".json", "{}");
		this.fixture.ingress().delay(Duration.ofSeconds(3));
		DataCollector collector = this.fixture.collector(7200, true, 1);
		long started = System.nanoTime();
		assertThat(collector.collect().complete()).isFalse();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
		assertThat(feedback).exists();
	}

	@Test
	void withoutCleanupAFileIsSentOnceAndStays() throws Exception {
		Path feedback = this.fixture.write("feedback/" + FEEDBACK_ID + ".json", "{}");
		Path transcript = this.fixture.write("transcripts/" + TRANSCRIPT, "{}");
		DataCollector collector = this.fixture.collector(7200, false, 30);
		assertThat(collector.collect()).isEqualTo(new CollectionCycle.Outcome(2, 1, 0));
		assertThat(collector.collect()).isEqualTo(new CollectionCycle.Outcome(0, 0, 0));
		Path later = this.fixture.write("transcripts/alice/other/later.json", "{\"n\": 2}");
		assertThat(collector.collect()).isEqualTo(new CollectionCycle.Outcome(1, 1, 0));
		assertThat(this.fixture.ingress().uploads()).hasSize(2);
		assertThat(this.fixture.ingress().uploads().get(1).members())
			.containsOnlyKeys("transcripts/alice/other/later.json");
		assertThat(feedback).exists();
		assertThat(transcript).exists();
		assertThat(later).exists();
		// a new collector (a restart) remembers too
		assertThat(this.fixture.collector(7200, false, 30).collect().files()).isZero();
	}

	@Test
	void failedUploadWithoutCleanupIsNotRememberedAsSent() throws Exception {
		this.fixture.write("feedback/" + FEEDBACK_ID + ".json", "{}");
		this.fixture.ingress().answer(503);
		DataCollector collector = this.fixture.collector(7200, false, 30);
		assertThat(collector.collect().complete()).isFalse();
		assertThat(collector.collect().files()).isEqualTo(1);
		assertThat(collector.collect().files()).isZero();
	}

	@Test
	void temporaryHalfWrittenHiddenMisplacedAndLinkedFilesAreLeftAlone() throws Exception {
		Path temp = this.fixture.write("feedback/." + FEEDBACK_ID + ".json.8d0e3c1a-0000-4000-8000-000000000000.tmp",
				"{}");
		Path partial = this.fixture.write("feedback/partial.json", "{\"user_id\": \"al");
		Path empty = this.fixture.write("feedback/empty.json", "");
		Path text = this.fixture.write("feedback/notes.txt", "{}");
		Path misplaced = this.fixture.write("transcripts/alice/stray.json", "{}");
		Path outside = this.fixture.write("outside.json", "{}");
		Path link = this.fixture.dir().resolve("feedback/link.json");
		Files.createSymbolicLink(link, outside);
		DataCollector collector = this.fixture.collector(7200, true, 30);
		assertThat(collector.collect()).isEqualTo(new CollectionCycle.Outcome(0, 0, 0));
		assertThat(this.fixture.ingress().uploads()).isEmpty();
		Path good = this.fixture.write("feedback/" + FEEDBACK_ID + ".json", "{}");
		assertThat(collector.collect().files()).isEqualTo(1);
		assertThat(this.fixture.ingress().uploads().get(0).members())
			.containsOnlyKeys("feedback/" + FEEDBACK_ID + ".json");
		assertThat(good).doesNotExist();
		assertThat(temp).exists();
		assertThat(partial).exists();
		assertThat(empty).exists();
		assertThat(text).exists();
		assertThat(misplaced).exists();
		assertThat(link).exists();
		assertThat(outside).exists();
	}

	@Test
	void emptyOrMissingStoresUploadNothing() throws Exception {
		DataCollector collector = this.fixture.collector(7200, true, 30);
		assertThat(collector.collect()).isEqualTo(new CollectionCycle.Outcome(0, 0, 0));
		Files.createDirectories(this.fixture.dir().resolve("feedback"));
		Files.createDirectories(this.fixture.dir().resolve("transcripts/alice/conversation"));
		assertThat(collector.collect()).isEqualTo(new CollectionCycle.Outcome(0, 0, 0));
		assertThat(this.fixture.ingress().uploads()).isEmpty();
	}

	@Test
	void runsAtStartAndOnceMoreAtShutdown() throws Exception {
		this.fixture.write("feedback/" + FEEDBACK_ID + ".json", "{}");
		DataCollector collector = this.fixture.collector(3600, true, 30);
		collector.start();
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> this.fixture.ingress().uploads().size() == 1);
			this.fixture.write("transcripts/" + TRANSCRIPT, "{}");
		}
		finally {
			collector.stop();
		}
		assertThat(collector.isRunning()).isFalse();
		assertThat(this.fixture.ingress().uploads()).hasSize(2);
		assertThat(this.fixture.ingress().uploads().get(1).members()).containsOnlyKeys("transcripts/" + TRANSCRIPT);
	}

	@Test
	void repeatsEveryInterval() throws Exception {
		DataCollector collector = this.fixture.collector(1, true, 30);
		collector.start();
		try {
			this.fixture.write("feedback/a.json", "{}");
			await().atMost(Duration.ofSeconds(10)).until(() -> !this.fixture.ingress().uploads().isEmpty());
			this.fixture.write("feedback/b.json", "{}");
			await().atMost(Duration.ofSeconds(10)).until(() -> this.fixture.ingress().uploads().size() == 2);
		}
		finally {
			collector.stop();
		}
		assertThat(this.fixture.ingress().uploads().get(1).members()).containsOnlyKeys("feedback/b.json");
	}

}
