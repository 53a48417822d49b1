package dev.lightspeed.stack.llamastack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The turn-stream HTTP client against a scripted server: body framing, connection reuse,
 * the stale-connection retry, timeouts and early close.
 */
@Timeout(10)
class BlockingHttpClientTests {

	private final AtomicLong clock = new AtomicLong();

	private final ScriptedServer server = new ScriptedServer();

	@AfterEach
	void stop() throws IOException {
		this.server.close();
	}

	private BlockingHttpClient client(Duration firstByteTimeout) {
		return new BlockingHttpClient(URI.create("http://127.0.0.1:" + this.server.port()), Duration.ofSeconds(2),
				firstByteTimeout, this.clock::get);
	}

	private static String body(BlockingHttpClient.Response response) throws IOException {
		try (InputStream body = response.body()) {
			return new String(body.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/** Two posts answered "a" and "b", with something happening between them. */
	private void assertTwoPostsUse(int connections, Runnable between) throws IOException {
		BlockingHttpClient client = client(Duration.ofSeconds(2));
		assertThat(body(client.post("/", Map.of(), new byte[0]))).isEqualTo("a");
		between.run();
		assertThat(body(client.post("/", Map.of(), new byte[0]))).isEqualTo("b");
		assertThat(this.server.connections()).isEqualTo(connections);
	}

	@Test
	void theRequestShouldCarryTheHostTheHeadersAndTheBody() throws IOException {
		this.server.answer("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
		BlockingHttpClient.Response response = client(Duration.ofSeconds(2)).post("/v1/turn?x=1",
				Map.of("Content-Type", "application/json"), "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
		assertThat(response.status()).isEqualTo(200);
		assertThat(body(response)).isEqualTo("ok");
		assertThat(this.server.requests()).singleElement()
			.satisfies((request) -> assertThat(request).startsWith("POST /v1/turn?x=1 HTTP/1.1\r\n")
				.contains("Host: 127.0.0.1:" + this.server.port() + "\r\n", "Content-Type: application/json\r\n",
						"Content-Length: 7\r\n")
				.endsWith("\r\n\r\n{\"a\":1}"));
	}

	@Test
	void aChunkedBodyShouldBeDecodedWithExtensionsAndTrailers() throws IOException {
		this.server.answer("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
				+ "5;name=value\r\ndata:\r\n6\r\n one\n\n\r\n0\r\nX-Trailer: t\r\n\r\n");
		assertThat(body(client(Duration.ofSeconds(2)).post("/", Map.of(), new byte[0]))).isEqualTo("data: one\n\n");
	}

	@Test
	void aBodyWithoutLengthShouldEndWithTheConnection() throws IOException {
		this.server.answerThenClose("HTTP/1.0 200 OK\r\n\r\nuntil the end");
		assertThat(body(client(Duration.ofSeconds(2)).post("/", Map.of(), new byte[0]))).isEqualTo("until the end");
	}

	@Test
	void aConnectionShouldBeReusedAfterACompleteBody() throws IOException {
		this.server.answer("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\na",
				"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nb\r\n0\r\n\r\n");
		assertTwoPostsUse(1, () -> {
		});
	}

	@Test
	void aConnectionThatTheServerClosesShouldNotBeReused() throws IOException {
		this.server.answer("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nConnection: close\r\n\r\na");
		this.server.answer("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nb");
		assertTwoPostsUse(2, () -> {
		});
	}

	@Test
	void aConnectionIdleForTooLongShouldBeReplaced() throws IOException {
		this.server.answer("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\na");
		this.server.answer("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nb");
		assertTwoPostsUse(2, () -> this.clock.addAndGet(BlockingHttpClient.IDLE_LIFETIME.toNanos()));
	}

	@Test
	void idleConnectionsPastTheirLifetimeShouldBeClosedWhenAnotherIsReturned() throws Exception {
		this.server.answer("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\na");
		this.server.answerSlowly("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", "1\r\nb\r\n", "0\r\n\r\n");
		this.server.answer("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nc");
		BlockingHttpClient client = client(Duration.ofSeconds(2));
		assertThat(body(client.post("/", Map.of(), new byte[0]))).isEqualTo("a");
		// the first connection is busy with a slow answer, so the next request opens a
		// second
		BlockingHttpClient.Response slow = client.post("/", Map.of(), new byte[0]);
		assertThat(body(client.post("/", Map.of(), new byte[0]))).isEqualTo("c");
		this.clock.addAndGet(BlockingHttpClient.IDLE_LIFETIME.toNanos());
		assertThat(body(slow)).isEqualTo("b");
		assertThat(this.server.connections()).isEqualTo(2);
		assertThat(this.server.awaitClosedByClient()).isTrue();
	}

	@Test
	void anIdleConnectionShouldBeClosedSoonAfterItsLifetimeWithoutFurtherRequests() throws Exception {
		this.server.answer("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\na");
		assertThat(body(client(Duration.ofSeconds(2)).post("/", Map.of(), new byte[0]))).isEqualTo("a");
		this.clock.addAndGet(BlockingHttpClient.IDLE_LIFETIME.toNanos());
		assertThat(this.server.awaitClosedByClient()).isTrue();
	}

	@Test
	void aRequestOnAConnectionClosedWhileIdleShouldBeSentOnceMoreOnANewOne() throws IOException {
		// the first connection answers once, then closes without reading the next request
		this.server.answerThenClose("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\na");
		this.server.answer("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nb");
		assertTwoPostsUse(2, () -> {
		});
	}

	@Test
	void aStatusLineThatIsLateShouldTimeOutAndNotBeSentAgain() throws IOException {
		this.server.silent();
		BlockingHttpClient client = client(Duration.ofMillis(200));
		assertThatExceptionOfType(SocketTimeoutException.class)
			.isThrownBy(() -> client.post("/", Map.of(), new byte[0]));
		assertThat(this.server.requests()).hasSize(1);
	}

	@Test
	void aSlowBodyShouldNotTimeOut() throws IOException {
		this.server.answerSlowly("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", "1\r\na\r\n", "0\r\n\r\n");
		BlockingHttpClient.Response response = client(Duration.ofMillis(200)).post("/", Map.of(), new byte[0]);
		assertThat(body(response)).isEqualTo("a");
	}

	@Test
	void closingTheBodyEarlyShouldCloseTheConnection() throws Exception {
		this.server.answerSlowly("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", "1\r\na\r\n", "1\r\nb\r\n",
				"0\r\n\r\n");
		BlockingHttpClient.Response response = client(Duration.ofSeconds(2)).post("/", Map.of(), new byte[0]);
		assertThat(response.body().read()).isEqualTo('a');
		response.body().close();
		assertThat(this.server.awaitClosedByClient()).isTrue();
	}

	@Test
	void aBodyThatBreaksOffShouldFail() throws IOException {
		this.server.answerThenClose("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort");
		BlockingHttpClient.Response response = client(Duration.ofSeconds(2)).post("/", Map.of(), new byte[0]);
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> response.body().readAllBytes());
	}

	@Test
	void aChunkNotEndedByCrlfShouldFail() throws IOException {
		this.server.answer("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n");
		BlockingHttpClient.Response response = client(Duration.ofSeconds(2)).post("/", Map.of(), new byte[0]);
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> response.body().readAllBytes())
			.withMessage("a chunk does not end with CRLF");
	}

	@Test
	void headerLinesShouldBeReadWholeUpToTheirLimit() throws IOException {
		String value = "v".repeat(5000);
		this.server.answer("HTTP/1.1 200 OK\r\nX-Long: " + value + "\r\nContent-Length: 2\r\n\r\nok",
				"HTTP/1.1 200 OK\r\nX-Huge: " + "v".repeat(70 * 1024) + "\r\n\r\n");
		BlockingHttpClient client = client(Duration.ofSeconds(2));
		assertThat(body(client.post("/", Map.of(), new byte[0]))).isEqualTo("ok");
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> client.post("/", Map.of(), new byte[0]))
			.withMessageContaining("longer than 65536 bytes");
	}

	@Test
	void headersThatWouldEndTheirLineShouldBeRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> client(Duration.ofSeconds(2)).post("/",
				Map.of("X-Provider-Data", "a\r\nInjected: yes"), new byte[0]));
		assertThat(this.server.requests()).isEmpty();
	}

	@Test
	void anUnreachableServerShouldFail() throws IOException {
		this.server.close();
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> client(Duration.ofSeconds(2)).post("/", Map.of(), new byte[0]));
	}

	/**
	 * A server that answers each request, in the order given, with a canned response
	 * written byte for byte.
	 */
	private static final class ScriptedServer implements AutoCloseable {

		private final ServerSocket socket;

		private final List<Step> script = new CopyOnWriteArrayList<>();

		private final List<String> requests = new CopyOnWriteArrayList<>();

		private final AtomicInteger connections = new AtomicInteger();

		private final AtomicInteger closedByClient = new AtomicInteger();

		private record Step(List<String> parts, boolean closeAfter, boolean silent) {
		}

		ScriptedServer() {
			try {
				this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			Thread.ofVirtual().start(this::accept);
		}

		int port() {
			return this.socket.getLocalPort();
		}

		void answer(String... responses) {
			for (String response : responses) {
				this.script.add(new Step(List.of(response), false, false));
			}
		}

		void answerThenClose(String response) {
			this.script.add(new Step(List.of(response), true, false));
		}

		void answerSlowly(String... parts) {
			this.script.add(new Step(List.of(parts), false, false));
		}

		void silent() {
			this.script.add(new Step(List.of(), false, true));
		}

		List<String> requests() {
			return this.requests;
		}

		int connections() {
			return this.connections.get();
		}

		boolean awaitClosedByClient() throws InterruptedException {
			for (int i = 0; i < 200 && this.closedByClient.get() == 0; i++) {
				TimeUnit.MILLISECONDS.sleep(10);
			}
			return this.closedByClient.get() > 0;
		}

		private void accept() {
			while (!this.socket.isClosed()) {
				try {
					Socket connection = this.socket.accept();
					this.connections.incrementAndGet();
					Thread.ofVirtual().start(() -> serve(connection));
				}
				catch (IOException ex) {
					return;
				}
			}
		}

		private void serve(Socket connection) {
			try (connection) {
				InputStream in = connection.getInputStream();
				OutputStream out = connection.getOutputStream();
				while (!this.script.isEmpty()) {
					String request = readRequest(in);
					if (request == null) {
						return;
					}
					this.requests.add(request);
					Step step = this.script.remove(0);
					if (step.silent()) {
						in.read();
						return;
					}
					for (String part : step.parts()) {
						out.write(part.getBytes(StandardCharsets.UTF_8));
						out.flush();
						if (step.parts().size() > 1) {
							TimeUnit.MILLISECONDS.sleep(400);
						}
					}
					if (step.closeAfter()) {
						return;
					}
				}
				if (in.read() < 0) {
					this.closedByClient.incrementAndGet();
				}
			}
			catch (IOException ex) {
				this.closedByClient.incrementAndGet();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		/** The head and the Content-Length body of the next request, null at the end. */
		private static String readRequest(InputStream in) throws IOException {
			BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1), 1);
			StringBuilder request = new StringBuilder();
			int length = 0;
			String line;
			while ((line = lines.readLine()) != null && !line.isEmpty()) {
				request.append(line).append("\r\n");
				if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
					length = Integer.parseInt(line.substring(15).trim());
				}
			}
			if (line == null) {
				return null;
			}
			request.append("\r\n");
			for (int i = 0; i < length; i++) {
				request.append((char) lines.read());
			}
			return request.toString();
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
		}

	}

}
