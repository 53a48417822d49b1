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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Llama Stack HTTP client against a scripted server: what a request carries, body
 * framing, connection reuse, stale connections, timeouts, early close, and how each
 * failure is named.
 */
@Timeout(10)
class LlamaStackHttpTests {

	private final ScriptedServer server = new ScriptedServer();

	private final List<CloseableHttpClient> clients = new ArrayList<>();

	@AfterEach
	void stop() throws IOException {
		this.server.close();
		for (CloseableHttpClient client : this.clients) {
			client.close();
		}
	}

	private LlamaStackHttp http(Duration readTimeout) {
		CloseableHttpClient client = LlamaStackHttpClients
			.create(new LlamaStackProperties(Duration.ofSeconds(30), Duration.ofSeconds(2), readTimeout, 100));
		this.clients.add(client);
		return new LlamaStackHttp(client, "http://127.0.0.1:" + this.server.port(), "secret",
				JsonMapper.builder().build());
	}

	private static String read(EventStream stream) throws IOException {
		try (stream) {
			String body = new String(stream.body().readAllBytes(), StandardCharsets.UTF_8);
			stream.finished();
			return body;
		}
	}

	private static String ok(String body) {
		return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n"
				+ body;
	}

	@Test
	void aPostShouldCarryTheKeyTheJsonBodyAndItsLength() {
		this.server.answer(ok("{\"id\":\"x\"}"));
		JsonNode answer = http(Duration.ofSeconds(2)).post("/v1/things/{id}?x=1", Map.of("a", 1), JsonNode.class,
				"a b");
		assertThat(answer.path("id").stringValue()).isEqualTo("x");
		assertThat(this.server.requests()).singleElement()
			.satisfies((request) -> assertThat(request).startsWith("POST /v1/things/a%20b?x=1 HTTP/1.1\r\n")
				.containsIgnoringCase("Authorization: Bearer secret\r\n")
				.containsIgnoringCase("Content-Type: application/json")
				.containsIgnoringCase("Content-Length: 7\r\n")
				.doesNotContainIgnoringCase("Transfer-Encoding")
				.endsWith("\r\n\r\n{\"a\":1}"));
	}

	@Test
	void aPathVariableShouldNotAddSegmentsOrAQuery() {
		this.server.answer(ok("{}"));
		http(Duration.ofSeconds(2)).get("/v1/conversations/{id}", JsonNode.class, "../admin?x=1");
		assertThat(this.server.requests()).singleElement()
			.satisfies((request) -> assertThat(request).startsWith("GET /v1/conversations/..%2Fadmin%3Fx%3D1 "));
	}

	@Test
	void anErrorStatusShouldCarryLlamaStacksMessage() {
		String body = "{\"detail\":\"Conversation 'conv_x' not found.\"}";
		this.server.answer("HTTP/1.1 404 Not Found\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
		assertThatExceptionOfType(LlamaStackApiException.class)
			.isThrownBy(() -> http(Duration.ofSeconds(2)).get("/v1/conversations/x", JsonNode.class))
			.satisfies((ex) -> assertThat(ex.upstreamStatus()).isEqualTo(404))
			.withMessage("Error code: 404 - Conversation 'conv_x' not found.");
	}

	@Test
	void anAnswerThatIsNotJsonShouldBeAnInvalidReply() {
		this.server.answer("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello");
		assertThatExceptionOfType(LlamaStackUnavailableException.class)
			.isThrownBy(() -> http(Duration.ofSeconds(2)).get("/v1/models", JsonNode.class))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.BAD_GATEWAY));
	}

	@Test
	void aChunkedStreamShouldBeDecodedWithExtensionsAndTrailers() throws IOException {
		this.server.answer("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
				+ "5;name=value\r\ndata:\r\n6\r\n one\n\n\r\n0\r\nX-Trailer: t\r\n\r\n");
		EventStream stream = http(Duration.ofSeconds(2)).openStream("/", Map.of(), Map.of());
		assertThat(read(stream)).isEqualTo("data: one\n\n");
		assertThat(this.server.requests()).singleElement()
			.satisfies((request) -> assertThat(request).containsIgnoringCase("Accept: text/event-stream\r\n"));
	}

	@Test
	void aStreamWithoutLengthShouldEndWithTheConnection() throws IOException {
		this.server.answerThenClose("HTTP/1.0 200 OK\r\n\r\nuntil the end");
		assertThat(read(http(Duration.ofSeconds(2)).openStream("/", Map.of(), Map.of()))).isEqualTo("until the end");
	}

	@Test
	void aConnectionShouldBeReusedAfterACompleteBody() throws IOException {
		this.server.answer(ok("{}"), "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nb\r\n0\r\n\r\n");
		LlamaStackHttp http = http(Duration.ofSeconds(2));
		http.get("/", JsonNode.class);
		assertThat(read(http.openStream("/", Map.of(), Map.of()))).isEqualTo("b");
		assertThat(this.server.connections()).isEqualTo(1);
	}

	@Test
	void aConnectionThatTheServerClosesShouldNotBeReused() {
		this.server.answer("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
		this.server.answer(ok("{}"));
		LlamaStackHttp http = http(Duration.ofSeconds(2));
		http.get("/", JsonNode.class);
		http.get("/", JsonNode.class);
		assertThat(this.server.connections()).isEqualTo(2);
	}

	@Test
	void aPostAfterAServerErrorShouldGoOnANewConnection() {
		// uvicorn closes the connection of a request that raised just after its 500,
		// without a Connection: close; the next request must not be caught by that
		this.server.answerThenClose(
				"HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
		this.server.answer(ok("{\"n\":2}"));
		LlamaStackHttp http = http(Duration.ofSeconds(2));
		assertThatExceptionOfType(LlamaStackApiException.class).isThrownBy(() -> http.get("/", JsonNode.class));
		assertThat(http.post("/v1/conversations", Map.of(), JsonNode.class).path("n").asInt()).isEqualTo(2);
		assertThat(this.server.requests()).hasSize(2);
		assertThat(this.server.connections()).isEqualTo(2);
	}

	@Test
	void aGetOnAConnectionClosedWhileIdleShouldBeSentOnceMoreOnANewOne() {
		// the first connection answers once, then closes without reading the next request
		this.server.answerThenClose(ok("{\"n\":1}"));
		this.server.answer(ok("{\"n\":2}"));
		LlamaStackHttp http = http(Duration.ofSeconds(2));
		assertThat(http.get("/", JsonNode.class).path("n").asInt()).isEqualTo(1);
		assertThat(http.get("/", JsonNode.class).path("n").asInt()).isEqualTo(2);
	}

	@Test
	void aPostOnAConnectionTheServerClosedAMomentAgoShouldGoOnANewOne() throws InterruptedException {
		// the server closes the connection after its answer; once it has been idle past
		// the validation interval the client sees that before it sends anything
		LlamaStackHttp http = answeredOnceOnAConnectionThenClosed();
		TimeUnit.MILLISECONDS.sleep(700);
		assertThat(http.post("/v1/agents", Map.of(), JsonNode.class).path("n").asInt()).isEqualTo(2);
		assertThat(this.server.connections()).isEqualTo(2);
	}

	@Test
	void aPostCaughtByTheServerClosingTheConnectionShouldNotBeSentAgainAndShouldNameItsCause() {
		// the race validation cannot see: the connection closes as the request goes out.
		// A POST is not sent again (a turn that reached Llama Stack would run twice).
		LlamaStackHttp http = answeredOnceOnAConnectionThenClosed();
		assertThatExceptionOfType(LlamaStackUnavailableException.class)
			.isThrownBy(() -> http.post("/v1/agents", Map.of(), JsonNode.class))
			.satisfies((ex) -> assertThat(ex.status().is5xxServerError()).isTrue())
			.satisfies((ex) -> assertThat(ex.getCause()).isInstanceOf(IOException.class))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains(ex.getCause().getClass().getSimpleName()));
		assertThat(this.server.requests()).hasSize(1);
	}

	// a GET answered on a connection the server closes after the answer; the next
	// connection answers {"n":2}
	private LlamaStackHttp answeredOnceOnAConnectionThenClosed() {
		this.server.answerThenClose(ok("{\"n\":1}"));
		this.server.answer(ok("{\"n\":2}"));
		LlamaStackHttp http = http(Duration.ofSeconds(2));
		assertThat(http.get("/", JsonNode.class).path("n").asInt()).isEqualTo(1);
		return http;
	}

	@Test
	void aLateAnswerShouldTimeOutWithoutBeingSentAgain() {
		this.server.silent();
		LlamaStackHttp http = http(Duration.ofMillis(300));
		assertThatExceptionOfType(LlamaStackUnavailableException.class)
			.isThrownBy(() -> http.post("/v1/responses", Map.of(), JsonNode.class))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("Request timed out."));
		assertThat(this.server.requests()).hasSize(1);
	}

	@Test
	void aSlowStreamShouldNotTimeOutWhileEachPieceComesInTime() throws IOException {
		this.server.answerSlowly("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", "1\r\na\r\n", "1\r\nb\r\n",
				"0\r\n\r\n");
		assertThat(read(http(Duration.ofMillis(1000)).openStream("/", Map.of(), Map.of()))).isEqualTo("ab");
	}

	@Test
	void aStreamSilentForLongerThanTheReadTimeoutShouldFail() throws IOException {
		this.server.answerSlowly("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", "1\r\na\r\n", "1\r\nb\r\n",
				"0\r\n\r\n");
		EventStream stream = http(Duration.ofMillis(200)).openStream("/", Map.of(), Map.of());
		assertThatExceptionOfType(SocketTimeoutException.class).isThrownBy(() -> stream.body().readAllBytes());
		stream.close();
	}

	@Test
	void closingAStreamEarlyShouldDropTheConnectionAtOnce() throws Exception {
		this.server.answerSlowly("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", "1\r\na\r\n", "1\r\nb\r\n",
				"1\r\nc\r\n", "0\r\n\r\n");
		EventStream stream = http(Duration.ofSeconds(2)).openStream("/", Map.of(), Map.of());
		assertThat(stream.body().read()).isEqualTo('a');
		long started = System.nanoTime();
		stream.close();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(300));
		assertThat(this.server.awaitClosedByClient()).isTrue();
	}

	@Test
	void aBodyThatBreaksOffShouldBeAnInvalidReply() {
		this.server.answerThenClose("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n{\"a\":");
		assertThatExceptionOfType(LlamaStackUnavailableException.class)
			.isThrownBy(() -> http(Duration.ofSeconds(2)).post("/", Map.of(), JsonNode.class))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.BAD_GATEWAY));
	}

	@Test
	void aGarbledStatusLineShouldBeAnInvalidReply() {
		this.server.answerThenClose("HELLO\r\n\r\n");
		assertThatExceptionOfType(LlamaStackUnavailableException.class)
			.isThrownBy(() -> http(Duration.ofSeconds(2)).post("/", Map.of(), JsonNode.class))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.BAD_GATEWAY))
			.satisfies((ex) -> assertThat(ex.getMessage()).startsWith("Invalid reply from Llama Stack"));
	}

	@Test
	void anUnreachableServerShouldBeAConnectionError() throws IOException {
		this.server.close();
		assertThatExceptionOfType(LlamaStackUnavailableException.class)
			.isThrownBy(() -> http(Duration.ofSeconds(2)).get("/v1/models", JsonNode.class))
			.satisfies((ex) -> assertThat(ex.unreachable()).isTrue())
			.satisfies((ex) -> assertThat(ex.getCause()).isInstanceOf(java.net.ConnectException.class))
			.satisfies((ex) -> assertThat(ex.getMessage())
				.startsWith("Unable to connect to Llama Stack: Connection error. (HttpHostConnectException"));
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
