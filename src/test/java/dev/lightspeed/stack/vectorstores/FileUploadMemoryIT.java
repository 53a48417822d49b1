package dev.lightspeed.stack.vectorstores;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lightspeed.stack.support.PackagedJar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code POST /v1/files} streams: the packaged jar, run with a 64 MB heap, passes a 160
 * MB upload on to a Llama Stack stand-in that counts the bytes as they arrive, and
 * refuses one that grows past the 200 MB limit without having been told its length
 * (chunked), breaking off the upload it had started upstream: Llama Stack must not see a
 * complete body, or it would keep the truncated file.
 */
class FileUploadMemoryIT {

	private static final long MB = 1024 * 1024;

	private static final String BOUNDARY = "memory-test";

	@TempDir
	Path directory;

	private final AtomicLong received = new AtomicLong();

	private final AtomicLong aborted = new AtomicLong();

	private HttpServer llamaStack;

	private Process service;

	@AfterEach
	void stop() throws InterruptedException {
		if (this.service != null) {
			this.service.destroy();
			if (!this.service.waitFor(20, TimeUnit.SECONDS)) {
				this.service.destroyForcibly();
			}
		}
		if (this.llamaStack != null) {
			this.llamaStack.stop(0);
		}
	}

	@Test
	void uploadsLargerThanTheHeapStreamThroughAndOnesPastTheLimitAreRefused() throws Exception {
		int port = startService(startLlamaStack());
		HttpClient client = HttpClient.newHttpClient();

		HttpResponse<String> stored = client.send(upload(port, 160 * MB), HttpResponse.BodyHandlers.ofString());

		assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
		assertThat(stored.body()).contains("\"id\":\"file-streamed\"");
		assertThat(this.received.get()).isGreaterThan(160 * MB);

		int status;
		try {
			status = client.send(upload(port, 260 * MB), HttpResponse.BodyHandlers.ofString()).statusCode();
		}
		catch (IOException ex) {
			// the service answered and closed while the client was still sending
			status = 413;
		}
		assertThat(status).isEqualTo(413);
		// the stand-in sees the connection drop mid-body, never a complete upload
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(this.aborted.get()).isEqualTo(1));
		assertThat(this.received.get()).isLessThan(200 * MB);
		assertThat(this.service.isAlive()).isTrue();
	}

	private static HttpRequest upload(int port, long size) {
		byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.txt\"\r\n"
				+ "Content-Type: text/plain\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII);
		byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
		// ofInputStream has no length: the request is chunked, as a client streaming a
		// file
		// it has not measured sends it
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/files"))
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.timeout(Duration.ofMinutes(2))
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(
					new SequenceInputStream(new ByteArrayInputStream(head), new Zeros(size)),
					new ByteArrayInputStream(tail))))
			.build();
	}

	private int startLlamaStack() throws IOException {
		this.llamaStack = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.llamaStack.createContext("/v1/version", (exchange) -> answer(exchange, "{\"version\":\"0.5.4\"}"));
		this.llamaStack.createContext("/v1/files", this::countUpload);
		this.llamaStack.start();
		return this.llamaStack.getAddress().getPort();
	}

	private void countUpload(HttpExchange exchange) throws IOException {
		byte[] buffer = new byte[64 * 1024];
		long count = 0;
		try (InputStream body = exchange.getRequestBody()) {
			for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
				count += read;
			}
		}
		catch (IOException ex) {
			this.aborted.incrementAndGet();
			exchange.close();
			return;
		}
		this.received.set(count);
		answer(exchange, "{\"object\":\"file\",\"id\":\"file-streamed\",\"bytes\":" + count
				+ ",\"created_at\":1,\"filename\":\"big.txt\",\"purpose\":\"assistants\"}");
	}

	private static void answer(HttpExchange exchange, String json) throws IOException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

	private int startService(int llamaStackPort) throws Exception {
		Path config = PackagedJar.writeConfiguration(this.directory, "uploads", "user_data_collection: {}\n");
		String yaml = Files.readString(config).replace("http://127.0.0.1:9", "http://127.0.0.1:" + llamaStackPort);
		Files.writeString(config, yaml);
		Matcher port = Pattern.compile("port: (\\d+)").matcher(yaml);
		assertThat(port.find()).isTrue();
		ProcessBuilder builder = PackagedJar.command(config, "-Xmx64m").redirectErrorStream(true);
		builder.environment().put("LIGHTSPEED_KNOWLEDGE_MAX_UPLOAD_SIZE", "200MB");
		this.service = builder.start();
		CompletableFuture.runAsync(this::readUntilStarted).get(120, TimeUnit.SECONDS);
		return Integer.parseInt(port.group(1));
	}

	private void readUntilStarted() {
		BufferedReader reader = new BufferedReader(
				new InputStreamReader(this.service.getInputStream(), StandardCharsets.UTF_8));
		try {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (line.contains("Started LightspeedStackApplication")) {
					// keep draining the log so the service never blocks on a full pipe
					Thread.ofVirtual().start(() -> reader.lines().forEach((rest) -> {
					}));
					return;
				}
			}
			throw new AssertionError("the jar stopped before it started");
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
	}

	/** {@code size} zero bytes, made as they are read. */
	private static final class Zeros extends InputStream {

		private long left;

		Zeros(long size) {
			this.left = size;
		}

		@Override
		public int read() {
			if (this.left <= 0) {
				return -1;
			}
			this.left--;
			return 0;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			if (this.left <= 0) {
				return -1;
			}
			int count = (int) Math.min(length, this.left);
			Arrays.fill(buffer, offset, offset + count, (byte) 0);
			this.left -= count;
			return count;
		}

	}

}
