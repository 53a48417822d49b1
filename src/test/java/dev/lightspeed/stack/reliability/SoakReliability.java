package dev.lightspeed.stack.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.lightspeed.stack.support.FakeLlamaStack;
import dev.lightspeed.stack.support.ReliabilityReport;
import dev.lightspeed.stack.support.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar under steady load for {@code lightspeed.soak.duration} (10 minutes in
 * CI, an hour with {@code make soak}), 8 clients each streaming a question, asking a
 * follow-up, sending feedback and reading its conversations, round after round. It runs
 * with the JVM options of the container and {@code -XX:MaxRAM=1g}, which makes the JVM
 * size itself as under the manifests' 1 GiB memory limit ({@code MaxRAMPercentage=75}: a
 * 768 MiB heap at most). The live heap (after a full GC) must stay flat and the process's
 * RSS under the limit; no request may get a 5xx.
 */
class SoakReliability {

	private static final int CLIENTS = 8;

	private static final long LIMIT_BYTES = 1L << 30;

	// growth of the live heap allowed between the end of the warm-up and the end
	private static final long FLAT_BYTES = 32L << 20;

	// the serial collector's generations: "DefNew total 11072K, used 6624K", "Tenured
	// ..."
	private static final Pattern USED = Pattern.compile("(?m)^(?:DefNew|Tenured)\\s+total \\d+K, used (\\d+)K");

	private static final Pattern RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private static final ReliabilityReport report = new ReliabilityReport("soak", "Duration", "Clients", "Requests",
			"5xx", "Live heap after warm-up", "Live heap at the end", "Largest RSS", "Memory limit");

	@TempDir
	Path directory;

	@Test
	void liveHeapStaysFlatAndRssUnderTheLimit() throws Exception {
		Duration duration = Duration.parse("PT" + System.getProperty("lightspeed.soak.duration", "10m").toUpperCase());
		Duration warmUp = Duration.ofMinutes(1);
		AtomicInteger requests = new AtomicInteger();
		AtomicInteger serverErrors = new AtomicInteger();
		AtomicLong largestRss = new AtomicLong();
		try (FakeLlamaStack llamaStack = FakeLlamaStack.start(0, FakeLlamaStack.Framing.CHUNKED, 20, 10);
				ServiceProcess service = ServiceProcess.start(this.directory, llamaStack.baseUrl(),
						ServiceProcess.userData(this.directory.resolve("data")), "-XX:MaxRAM=1g")) {
			long end = System.nanoTime() + duration.toNanos();
			long warm = System.nanoTime() + warmUp.toNanos();
			long afterWarmUp = -1;
			try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
				for (int i = 0; i < CLIENTS; i++) {
					String user = "soak-" + i;
					clients.execute(() -> {
						while (System.nanoTime() < end) {
							round(service, user, requests, serverErrors);
						}
					});
				}
				while (System.nanoTime() < end) {
					Thread.sleep(5000);
					largestRss.accumulateAndGet(rss(service.pid()), Math::max);
					if (afterWarmUp < 0 && System.nanoTime() > warm) {
						afterWarmUp = liveHeap(service.pid());
					}
				}
			}
			long atEnd = liveHeap(service.pid());
			largestRss.accumulateAndGet(rss(service.pid()), Math::max);
			report.row(duration.toMinutes() + " min", CLIENTS, requests.get(), serverErrors.get(), mib(afterWarmUp),
					mib(atEnd), mib(largestRss.get()), mib(LIMIT_BYTES));
			assertThat(serverErrors.get()).isZero();
			assertThat(atEnd - afterWarmUp).as("live heap growth").isLessThanOrEqualTo(FLAT_BYTES);
			assertThat(largestRss.get()).isLessThan(LIMIT_BYTES);
		}
	}

	// one client's round: a streamed question, a follow-up, feedback, its conversations
	private static void round(ServiceProcess service, String user, AtomicInteger requests, AtomicInteger serverErrors) {
		String conversation = send(service, "/v1/streaming_query?user_id=" + user, "{\"query\": \"Hello\"}", requests,
				serverErrors)
			.replaceFirst("(?s).*?\"conversation_id\": \"([0-9a-f-]{36})\".*", "$1");
		if (conversation.length() != 36) {
			return;
		}
		send(service, "/v1/query?user_id=" + user,
				"{\"query\": \"And then?\", \"conversation_id\": \"" + conversation + "\"}", requests, serverErrors);
		send(service, "/v1/feedback?user_id=" + user,
				"{\"conversation_id\": \"" + conversation
						+ "\", \"user_question\": \"q\", \"llm_response\": \"a\", \"sentiment\": 1}",
				requests, serverErrors);
		send(service, "/v2/conversations/" + conversation + "?user_id=" + user, null, requests, serverErrors);
		send(service, "/v1/conversations?user_id=" + user, null, requests, serverErrors);
	}

	private static String send(ServiceProcess service, String path, String json, AtomicInteger requests,
			AtomicInteger serverErrors) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.url(path)))
			.timeout(Duration.ofSeconds(60));
		if (json != null) {
			request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
		}
		try {
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			requests.incrementAndGet();
			if (response.statusCode() >= 500) {
				serverErrors.incrementAndGet();
			}
			return response.body();
		}
		catch (IOException ex) {
			serverErrors.incrementAndGet();
			return "";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "";
		}
	}

	private static long rss(long pid) throws IOException {
		Matcher rss = RSS.matcher(Files.readString(Path.of("/proc/" + pid + "/status")));
		return rss.find() ? Long.parseLong(rss.group(1)) << 10 : 0;
	}

	// the heap in use right after a full collection (jcmd of the JDK running the tests)
	private static long liveHeap(long pid) throws IOException, InterruptedException {
		jcmd(pid, "GC.run");
		String info = jcmd(pid, "GC.heap_info");
		Matcher used = USED.matcher(info);
		long bytes = 0;
		int generations = 0;
		for (; used.find(); generations++) {
			bytes += Long.parseLong(used.group(1)) << 10;
		}
		assertThat(generations).as("the serial collector's two generations in " + info).isEqualTo(2);
		return bytes;
	}

	private static String jcmd(long pid, String command) throws IOException, InterruptedException {
		Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
		Process jcmd = new ProcessBuilder(java.resolveSibling("jcmd").toString(), String.valueOf(pid), command)
			.redirectErrorStream(true)
			.start();
		String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		jcmd.waitFor();
		return output;
	}

	private static String mib(long bytes) {
		return (bytes >> 20) + " MiB";
	}

}
