package dev.lightspeed.stack.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import dev.lightspeed.stack.storage.AtomicFiles;
import dev.lightspeed.stack.support.FakeLlamaStack;
import dev.lightspeed.stack.support.ReliabilityReport;
import dev.lightspeed.stack.support.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service killed with SIGKILL while it writes feedback and transcripts, 64 requests
 * at a time: every record it acknowledged (a 200) is on disk whole, no file is half
 * written, and the temporary files the kill left are gone once the restarted service has
 * looked for them.
 */
class WriteCrashReliability {

	private static final int KILL_AFTER = 2000;

	private static final int CONCURRENCY = 64;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private static final ReliabilityReport report = new ReliabilityReport("write-crash", "Requests sent",
			"Acknowledged", "Acknowledged and on disk", "Lost", "Partial files", "Leftovers after the kill",
			"Leftovers after the restart");

	@TempDir
	Path directory;

	@Test
	void acknowledgedRecordsSurviveAKillAndLeftoversAreCleanedAtStartUp() throws Exception {
		Path data = this.directory.resolve("data");
		Set<String> acknowledged = ConcurrentHashMap.newKeySet();
		AtomicInteger sent = new AtomicInteger();
		try (FakeLlamaStack llamaStack = FakeLlamaStack.start(0, FakeLlamaStack.Framing.CHUNKED, 1, 0)) {
			ServiceProcess service = ServiceProcess.start(this.directory, llamaStack.baseUrl(),
					ServiceProcess.userData(this.directory.resolve("data")), "-Dlightspeed.storage.leftover-age=2s",
					"-Dlightspeed.topic-summary.enabled=false");
			String conversation = JSON
				.readTree(post(service.url("/v1/query?user_id=writer"), "{\"query\": \"first\"}").body())
				.path("conversation_id")
				.asString();
			Semaphore inFlight = new Semaphore(CONCURRENCY);
			try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
				while (acknowledged.size() < KILL_AFTER) {
					inFlight.acquire();
					int n = sent.incrementAndGet();
					clients.execute(() -> {
						try {
							write(service, conversation, "record-" + n, n % 2 == 0, acknowledged);
						}
						finally {
							inFlight.release();
						}
					});
				}
				service.kill();
			}
		}
		List<Path> files = files(data);
		long partial = files.stream().filter((file) -> file.toString().endsWith(".json")).filter(this::partial).count();
		long leftovers = files.stream().filter(WriteCrashReliability::temporary).count();
		Set<String> onDisk = ConcurrentHashMap.newKeySet();
		files.stream().filter((file) -> file.toString().endsWith(".json")).forEach((file) -> onDisk.add(record(file)));
		long lost = acknowledged.stream().filter((record) -> !onDisk.contains(record)).count();

		try (FakeLlamaStack llamaStack = FakeLlamaStack.start(0, FakeLlamaStack.Framing.CHUNKED, 1, 0);
				ServiceProcess restarted = ServiceProcess.start(this.directory, llamaStack.baseUrl(),
						ServiceProcess.userData(this.directory.resolve("data")),
						"-Dlightspeed.storage.leftover-age=2s")) {
			await().atMost(Duration.ofSeconds(30))
				.until(() -> files(data).stream().noneMatch(WriteCrashReliability::temporary));
		}
		long remaining = files(data).stream().filter(WriteCrashReliability::temporary).count();
		report.row(sent.get(), acknowledged.size(), acknowledged.size() - lost, lost, partial, leftovers, remaining);
		assertThat(lost).isZero();
		assertThat(partial).isZero();
		assertThat(remaining).isZero();
	}

	// a feedback (even n) or a query, whose transcript holds the text; acknowledged on
	// 200
	private static void write(ServiceProcess service, String conversation, String text, boolean feedback,
			Set<String> acknowledged) {
		try {
			HttpResponse<String> response = feedback
					? post(service.url("/v1/feedback?user_id=writer"),
							"{\"conversation_id\": \"" + conversation + "\", \"user_question\": \"" + text
									+ "\", \"llm_response\": \"a\", \"sentiment\": 1}")
					: post(service.url("/v1/query?user_id=writer"),
							"{\"query\": \"" + text + "\", \"conversation_id\": \"" + conversation + "\"}");
			if (response.statusCode() == 200) {
				acknowledged.add(text);
			}
		}
		catch (IOException ex) {
			// the kill: not acknowledged
		}
	}

	private static HttpResponse<String> post(String url, String json) throws IOException {
		try {
			return HTTP.send(HttpRequest.newBuilder(URI.create(url))
				.header("Content-Type", "application/json")
				.timeout(Duration.ofSeconds(60))
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	private static List<Path> files(Path data) throws IOException {
		try (Stream<Path> files = Files.walk(data)) {
			return files.filter(Files::isRegularFile).toList();
		}
	}

	private static boolean temporary(Path file) {
		return AtomicFiles.isTemporary(file.getFileName().toString());
	}

	private boolean partial(Path file) {
		try {
			JSON.readTree(Files.readString(file));
			return false;
		}
		catch (IOException | JacksonException ex) {
			return true;
		}
	}

	// the text a record was written for: a feedback's question, a transcript's query
	private static String record(Path file) {
		try {
			JsonNode json = JSON.readTree(Files.readString(file));
			return json.has("user_question") ? json.path("user_question").asString()
					: json.path("redacted_query").asString();
		}
		catch (IOException | JacksonException ex) {
			return "";
		}
	}

}
