package dev.lightspeed.stack.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.lightspeed.stack.support.FakeLlamaStack;
import dev.lightspeed.stack.support.PackagedJar;
import dev.lightspeed.stack.support.ReliabilityReport;
import dev.lightspeed.stack.support.ServiceProcess;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Llama Stack killed with SIGKILL under 100 live streams, with each body framing: every
 * client gets an {@code error} event and then {@code end} within a second, and the
 * service is ready again within 5 seconds of Llama Stack's return. A close-delimited body
 * cut off by the kill ends like a complete one; only the missing {@code turn_complete}
 * tells them apart.
 */
class LlamaStackKillReliability {

	private static final int STREAMS = 100;

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final ReliabilityReport report = new ReliabilityReport("llama-stack-killed", "Body framing",
			"Streams", "error then end", "Other endings", "Slowest end after the kill", "Ready again after");

	@TempDir
	Path directory;

	@ParameterizedTest
	@EnumSource(FakeLlamaStack.Framing.class)
	void everyStreamEndsWithAnErrorAndTheServiceRecovers(FakeLlamaStack.Framing framing) throws Exception {
		int port = PackagedJar.freePort();
		Process llamaStack = startLlamaStack(port, framing);
		try (ServiceProcess service = ServiceProcess.start(this.directory, "http://127.0.0.1:" + port,
				ServiceProcess.userData(this.directory.resolve("data")), "-Dlightspeed.llama-stack.catalog-ttl=0s")) {
			List<Stream> streams = new ArrayList<>();
			for (int i = 0; i < STREAMS; i++) {
				streams.add(Stream.open(service.url("/v1/streaming_query")));
			}
			await().atMost(Duration.ofMinutes(1)).until(() -> streams.stream().allMatch(Stream::answering));
			long killed = System.nanoTime();
			llamaStack.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			CompletableFuture.allOf(streams.stream().map(Stream::ending).toArray(CompletableFuture[]::new))
				.get(30, TimeUnit.SECONDS);
			long errorThenEnd = streams.stream().filter(Stream::errorThenEnd).count();
			long slowest = streams.stream().mapToLong((s) -> s.endedAt - killed).max().orElseThrow() / 1_000_000;

			llamaStack = startLlamaStack(port, framing);
			long back = System.nanoTime();
			await().atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> status(service.url("/readiness")) == 200);
			long ready = (System.nanoTime() - back) / 1_000_000;

			report.row(framing.name().toLowerCase(java.util.Locale.ROOT), STREAMS, errorThenEnd, STREAMS - errorThenEnd,
					slowest + " ms", ready + " ms");
			assertThat(errorThenEnd).isEqualTo(STREAMS);
			assertThat(slowest).isLessThanOrEqualTo(1000);
			assertThat(ready).isLessThanOrEqualTo(5000);
		}
		finally {
			llamaStack.destroyForcibly();
		}
	}

	// a Llama Stack of its own process, answering slowly enough never to finish first
	private Process startLlamaStack(int port, FakeLlamaStack.Framing framing) throws IOException {
		Process process = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
				System.getProperty("java.class.path"), FakeLlamaStack.class.getName(), String.valueOf(port),
				framing.name(), "100000", "100")
			.redirectErrorStream(true)
			.start();
		BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		String line = out.readLine();
		if (!"ready".equals(line)) {
			throw new IllegalStateException("Llama Stack did not start: " + line);
		}
		return process;
	}

	private static int status(String url) {
		try {
			return HTTP
				.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (IOException ex) {
			return 0;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 0;
		}
	}

	/**
	 * One client reading a stream line by line, noting its events.
	 */
	private static final class Stream {

		private final List<String> events = new ArrayList<>();

		private volatile int tokens;

		private volatile long endedAt;

		private final CompletableFuture<Void> ended = new CompletableFuture<>();

		static Stream open(String url) {
			Stream stream = new Stream();
			HttpRequest request = HttpRequest.newBuilder(URI.create(url))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"Tell me a long story\"}"))
				.build();
			Thread.ofVirtual().start(() -> stream.read(request));
			return stream;
		}

		private void read(HttpRequest request) {
			try (InputStream body = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream()).body();
					BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
				for (String line = lines.readLine(); line != null; line = lines.readLine()) {
					if (line.startsWith("data: ")) {
						String event = line.replaceFirst("^data: \\{\"event\": \"([a-z_]+)\".*", "$1");
						synchronized (this.events) {
							this.events.add(event);
						}
						if (event.equals("token")) {
							this.tokens++;
						}
					}
				}
			}
			catch (IOException ex) {
				synchronized (this.events) {
					this.events.add("cut: " + ex);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.endedAt = System.nanoTime();
			this.ended.complete(null);
		}

		boolean answering() {
			return this.tokens >= 3;
		}

		CompletableFuture<Void> ending() {
			return this.ended;
		}

		boolean errorThenEnd() {
			synchronized (this.events) {
				int n = this.events.size();
				return n >= 2 && this.events.get(n - 2).equals("error") && this.events.get(n - 1).equals("end");
			}
		}

	}

}
