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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(OutputCaptureExtension.class)
class DataCollectorTests {

	private static final String TOKEN = "s3cret-ingress-token";

	private static final String FEEDBACK_ID = "6a0d1d6e-3f6a-4f5e-9a53-2f1f7f6f0a01";

	private static final String TRANSCRIPT = "alice/0b6f2f5e-1c1d-4b4c-8c4b-0d7c1a2b3c4d/5c8a1e2f-0000-4000-8000-000000000001.json";

	@TempDir
	Path dir;

	private FakeIngress ingress;

	@BeforeEach
	void start() throws IOException {
		this.ingress = FakeIngress.start();
	}

	@AfterEach
	void stop() {
		this.ingress.close();
	}

	@Test
	void acceptedUploadCarriesBothStoresInTheExporterLayoutAndDeletesTheFiles(CapturedOutput output) throws Exception {
		Path feedback = write("feedback/" + FEEDBACK_ID + ".json", "{\"user_id\": \"alice\"}");
		Path transcript = write("transcripts/" + TRANSCRIPT, "{\"llm_response\": \"caf\u00e9\"}");
		CollectionCycle.Outcome outcome = collector(this.ingress.url(), 7200, true, 30).collect();
		assertThat(outcome).isEqualTo(new CollectionCycle.Outcome(2, 1, true));
		assertThat(this.ingress.uploads()).hasSize(1);
		FakeIngress.Upload upload = this.ingress.uploads().get(0);
		assertThat(upload.method()).isEqualTo("POST");
		assertThat(upload.path()).isEqualTo("/api/ingress/v1/upload");
		assertThat(upload.authorization()).isEqualTo("Bearer " + TOKEN);
		assertThat(upload.contentType()).startsWith("multipart/form-data; boundary=");
		assertThat(upload.fileHeaders())
			.isEqualTo("Content-Disposition: form-data; name=\"file\"; filename=\"lightspeed-assistant.tgz\"\r\n"
					+ "Content-Type: application/vnd.redhat.lightspeed-stack.periodic+tar");
		assertThat(upload.members()).containsExactly(
				Map.entry("feedback/" + FEEDBACK_ID + ".json", "{\"user_id\": \"alice\"}"),
				Map.entry("transcripts/" + TRANSCRIPT, "{\"llm_response\": \"caf\u00e9\"}"));
		assertThat(feedback).doesNotExist();
		assertThat(transcript).doesNotExist();
		// emptied conversation and user directories go, the roots stay
		assertThat(this.dir.resolve("transcripts")).isEmptyDirectory();
		assertThat(this.dir.resolve("feedback")).isEmptyDirectory();
		assertThat(output).doesNotContain(TOKEN);
	}

	@Test
	void transcriptsOfUserIdsThatAreSeveralDirectoriesAreCollectedAndTheirDirectoriesRemoved() throws Exception {
		// a Backstage entity ref and a JWT subject that is a URL, as the transcript store
		// lays them out
		String backstage = "transcripts/user:default/guest/" + TRANSCRIPT.substring("alice/".length());
		String url = "transcripts/https:/idp.example.com/users/42/" + TRANSCRIPT.substring("alice/".length());
		Path first = write(backstage, "{\"n\": 1}");
		Path second = write(url, "{\"n\": 2}");
		assertThat(collector(this.ingress.url(), 7200, true, 30).collect())
			.isEqualTo(new CollectionCycle.Outcome(2, 1, true));
		assertThat(this.ingress.uploads().get(0).members()).containsOnlyKeys(backstage, url);
		assertThat(first).doesNotExist();
		assertThat(second).doesNotExist();
		assertThat(this.dir.resolve("transcripts")).isEmptyDirectory();
	}

	@Test
	void refusedUploadKeepsTheFilesAndTheNextCycleSendsThem(CapturedOutput output) throws Exception {
		Path feedback = write("feedback/" + FEEDBACK_ID + ".json", "{}");
		Path transcript = write("transcripts/" + TRANSCRIPT, "{}");
		this.ingress.answer(500);
		DataCollector collector = collector(this.ingress.url(), 7200, true, 30);
		assertThat(collector.collect().complete()).isFalse();
		assertThat(feedback).exists();
		assertThat(transcript).exists();
		assertThat(output).contains("refused with status 500").doesNotContain(TOKEN);
		assertThat(collector.collect()).isEqualTo(new CollectionCycle.Outcome(2, 1, true));
		assertThat(this.ingress.uploads()).hasSize(2);
		assertThat(this.ingress.uploads().get(1).members()).containsOnlyKeys("feedback/" + FEEDBACK_ID + ".json",
				"transcripts/" + TRANSCRIPT);
		assertThat(feedback).doesNotExist();
		assertThat(transcript).doesNotExist();
	}

	@Test
	void onlyAcceptedCountsAsSuccess() throws Exception {
		Path feedback = write("feedback/" + FEEDBACK_ID + ".json", "{}");
		this.ingress.answer(200, 201, 401);
		DataCollector collector = collector(this.ingress.url(), 7200, true, 30);
		for (int i = 0; i < 3; i++) {
			assertThat(collector.collect().complete()).isFalse();
		}
		assertThat(feedback).exists();
	}

	@Test
	void unreachableServerKeepsTheFiles(CapturedOutput output) throws Exception {
		Path feedback = write("feedback/" + FEEDBACK_ID + ".json", "{}");
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		CollectionCycle.Outcome outcome = collector("http://127.0.0.1:" + closedPort + "/upload", 7200, true, 5)
			.collect();
		assertThat(outcome.complete()).isFalse();
		assertThat(feedback).exists();
		assertThat(output).contains("upload to http://127.0.0.1:" + closedPort + "/upload failed")
			.doesNotContain(TOKEN);
	}

	@Test
	void slowServerTimesOutAndTheFilesStay() throws Exception {
		Path feedback = write("feedback/" + FEEDBACK_ID + ".json", "{}");
		this.ingress.delay(Duration.ofSeconds(3));
		DataCollector collector = collector(this.ingress.url(), 7200, true, 1);
		long started = System.nanoTime();
		assertThat(collector.collect().complete()).isFalse();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
		assertThat(feedback).exists();
	}

	@Test
	void withoutCleanupAFileIsSentOnceAndStays() throws Exception {
		Path feedback = write("feedback/" + FEEDBACK_ID + ".json", "{}");
		Path transcript = write("transcripts/" + TRANSCRIPT, "{}");
		DataCollector collector = collector(this.ingress.url(), 7200, false, 30);
		assertThat(collector.collect()).isEqualTo(new CollectionCycle.Outcome(2, 1, true));
		assertThat(collector.collect()).isEqualTo(new CollectionCycle.Outcome(0, 0, true));
		Path later = write("transcripts/alice/other/later.json", "{\"n\": 2}");
		assertThat(collector.collect()).isEqualTo(new CollectionCycle.Outcome(1, 1, true));
		assertThat(this.ingress.uploads()).hasSize(2);
		assertThat(this.ingress.uploads().get(1).members()).containsOnlyKeys("transcripts/alice/other/later.json");
		assertThat(feedback).exists();
		assertThat(transcript).exists();
		assertThat(later).exists();
		// a new collector (a restart) remembers too
		assertThat(collector(this.ingress.url(), 7200, false, 30).collect().files()).isZero();
	}

	@Test
	void failedUploadWithoutCleanupIsNotRememberedAsSent() throws Exception {
		write("feedback/" + FEEDBACK_ID + ".json", "{}");
		this.ingress.answer(503);
		DataCollector collector = collector(this.ingress.url(), 7200, false, 30);
		assertThat(collector.collect().complete()).isFalse();
		assertThat(collector.collect().files()).isEqualTo(1);
		assertThat(collector.collect().files()).isZero();
	}

	@Test
	void temporaryHalfWrittenHiddenMisplacedAndLinkedFilesAreLeftAlone() throws Exception {
		Path temp = write("feedback/." + FEEDBACK_ID + ".json.8d0e3c1a-0000-4000-8000-000000000000.tmp", "{}");
		Path partial = write("feedback/partial.json", "{\"user_id\": \"al");
		Path empty = write("feedback/empty.json", "");
		Path text = write("feedback/notes.txt", "{}");
		Path misplaced = write("transcripts/alice/stray.json", "{}");
		Path outside = write("outside.json", "{}");
		Path link = this.dir.resolve("feedback/link.json");
		Files.createSymbolicLink(link, outside);
		DataCollector collector = collector(this.ingress.url(), 7200, true, 30);
		assertThat(collector.collect()).isEqualTo(new CollectionCycle.Outcome(0, 0, true));
		assertThat(this.ingress.uploads()).isEmpty();
		Path good = write("feedback/" + FEEDBACK_ID + ".json", "{}");
		assertThat(collector.collect().files()).isEqualTo(1);
		assertThat(this.ingress.uploads().get(0).members()).containsOnlyKeys("feedback/" + FEEDBACK_ID + ".json");
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
		DataCollector collector = collector(this.ingress.url(), 7200, true, 30);
		assertThat(collector.collect()).isEqualTo(new CollectionCycle.Outcome(0, 0, true));
		Files.createDirectories(this.dir.resolve("feedback"));
		Files.createDirectories(this.dir.resolve("transcripts/alice/conversation"));
		assertThat(collector.collect()).isEqualTo(new CollectionCycle.Outcome(0, 0, true));
		assertThat(this.ingress.uploads()).isEmpty();
	}

	@Test
	void runsAtStartAndOnceMoreAtShutdown() throws Exception {
		write("feedback/" + FEEDBACK_ID + ".json", "{}");
		DataCollector collector = collector(this.ingress.url(), 3600, true, 30);
		collector.start();
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> this.ingress.uploads().size() == 1);
			write("transcripts/" + TRANSCRIPT, "{}");
		}
		finally {
			collector.stop();
		}
		assertThat(collector.isRunning()).isFalse();
		assertThat(this.ingress.uploads()).hasSize(2);
		assertThat(this.ingress.uploads().get(1).members()).containsOnlyKeys("transcripts/" + TRANSCRIPT);
	}

	@Test
	void repeatsEveryInterval() throws Exception {
		DataCollector collector = collector(this.ingress.url(), 1, true, 30);
		collector.start();
		try {
			write("feedback/a.json", "{}");
			await().atMost(Duration.ofSeconds(10)).until(() -> !this.ingress.uploads().isEmpty());
			write("feedback/b.json", "{}");
			await().atMost(Duration.ofSeconds(10)).until(() -> this.ingress.uploads().size() == 2);
		}
		finally {
			collector.stop();
		}
		assertThat(this.ingress.uploads().get(1).members()).containsOnlyKeys("feedback/b.json");
	}

	private DataCollector collector(String url, int interval, boolean cleanup, int timeout) {
		UserDataCollectionConfig config = TestConfigurations.yaml("""
				name: test
				service: {}
				llama_stack:
				  url: http://localhost:8321
				user_data_collection:
				  feedback_enabled: true
				  feedback_storage: %s/feedback
				  transcripts_enabled: true
				  transcripts_storage: %s/transcripts
				  data_collector:
				    enabled: true
				    ingress_server_url: %s
				    ingress_server_auth_token: %s
				    ingress_content_service_name: lightspeed-stack
				    collection_interval: %d
				    cleanup_after_send: %s
				    connection_timeout_seconds: %d
				""".formatted(this.dir, this.dir, url, TOKEN, interval, cleanup, timeout)).userDataCollection();
		return new DataCollector(config);
	}

	private Path write(String relative, String content) throws IOException {
		Path file = this.dir.resolve(relative);
		Files.createDirectories(file.getParent());
		return Files.writeString(file, content);
	}

}
