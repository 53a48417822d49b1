package dev.lightspeed.stack.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpServer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A stand-in for the console.redhat.com ingress service on a JDK {@link HttpServer}: it
 * records every upload and answers with scripted statuses (202 once the script is used
 * up).
 */
public final class FakeIngress implements AutoCloseable {

	private final HttpServer server;

	private final List<Upload> uploads = new CopyOnWriteArrayList<>();

	private final Deque<Integer> statuses = new ArrayDeque<>();

	private volatile Duration delay = Duration.ZERO;

	private volatile boolean refusing;

	private FakeIngress(HttpServer server) {
		this.server = server;
	}

	/**
	 * Starts the server on a free loopback port.
	 * @return the running server
	 */
	public static FakeIngress start() {
		FakeIngress ingress;
		try {
			ingress = new FakeIngress(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ingress.server.createContext("/", (exchange) -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			int status = ingress.nextStatus();
			ingress.uploads.add(new Upload(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
					exchange.getRequestHeaders().getFirst("Content-Type"),
					exchange.getRequestHeaders().getFirst("Authorization"), body, status));
			ingress.pause();
			byte[] answer = ((status == 202) ? "{\"request_id\":\"r-1\",\"upload\":{\"account_number\":\"1\"}}"
					: "{\"errors\":[{\"detail\":\"boom\"}]}")
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		});
		ingress.server.start();
		return ingress;
	}

	/**
	 * The upload URL.
	 * @return the URL
	 */
	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/api/ingress/v1/upload";
	}

	/**
	 * Answers the next uploads with these statuses, in order.
	 * @param statuses HTTP statuses
	 */
	public synchronized void answer(int... statuses) {
		for (int status : statuses) {
			this.statuses.add(status);
		}
	}

	/**
	 * Answers every upload with 503 while set (after the scripted statuses).
	 * @param refusing whether to refuse
	 */
	public void refusing(boolean refusing) {
		this.refusing = refusing;
	}

	/**
	 * Waits this long before answering.
	 * @param delay the wait
	 */
	public void delay(Duration delay) {
		this.delay = delay;
	}

	/**
	 * The uploads received so far.
	 * @return the uploads
	 */
	public List<Upload> uploads() {
		return List.copyOf(this.uploads);
	}

	private synchronized int nextStatus() {
		Integer status = this.statuses.poll();
		if (status != null) {
			return status;
		}
		return this.refusing ? 503 : 202;
	}

	private void pause() {
		try {
			Thread.sleep(this.delay);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/**
	 * One upload as received.
	 *
	 * @param method HTTP method
	 * @param path request path
	 * @param contentType request content type
	 * @param authorization the Authorization header
	 * @param body the raw body
	 * @param status the status it was answered with
	 */
	public record Upload(String method, String path, String contentType, String authorization, byte[] body,
			int status) {

		/**
		 * The headers of the multipart part named {@code file}.
		 * @return the part's header lines
		 */
		public String fileHeaders() {
			String text = new String(this.body, StandardCharsets.ISO_8859_1);
			int start = text.indexOf("name=\"file\"");
			int lineStart = text.lastIndexOf("\r\n", start) + 2;
			return text.substring(lineStart, text.indexOf("\r\n\r\n", start));
		}

		/**
		 * The archive in the part named {@code file}, unpacked.
		 * @return member name to content, in archive order
		 */
		public Map<String, String> members() throws IOException {
			String text = new String(this.body, StandardCharsets.ISO_8859_1);
			String boundary = this.contentType.substring(this.contentType.indexOf("boundary=") + 9);
			int start = text.indexOf("\r\n\r\n", text.indexOf("name=\"file\"")) + 4;
			int end = text.indexOf("\r\n--" + boundary + "--", start);
			Map<String, String> members = new LinkedHashMap<>();
			try (InputStream gzip = new GZIPInputStream(new ByteArrayInputStream(this.body, start, end - start));
					TarArchiveInputStream tar = new TarArchiveInputStream(gzip)) {
				for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
					members.put(entry.getName(), new String(tar.readAllBytes(), StandardCharsets.UTF_8));
				}
			}
			return members;
		}

	}

}
