package dev.lightspeed.stack.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A stand-in for the console.redhat.com ingress service on a JDK {@link HttpServer}: it
 * records every upload and answers as scripted (202 once the script is used up): a
 * status, no answer at all after storing the upload or without storing it, or the 202
 * headers and then nothing. It can also stop listening, so that connections are refused,
 * and listen again on the same port.
 */
public final class FakeIngress implements AutoCloseable {

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	private final List<Upload> uploads = new CopyOnWriteArrayList<>();

	private final IngressReplies replies = new IngressReplies();

	private final InetSocketAddress address;

	private volatile HttpServer server;

	private FakeIngress(HttpServer server) {
		this.server = server;
		this.address = server.getAddress();
	}

	/**
	 * Starts the server on a free loopback port.
	 * @return the running server
	 */
	public static FakeIngress start() {
		FakeIngress ingress = new FakeIngress(listen(new InetSocketAddress("127.0.0.1", 0)));
		ingress.serve();
		return ingress;
	}

	private static HttpServer listen(InetSocketAddress address) {
		try {
			return HttpServer.create(address, 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void serve() {
		// a thread per exchange: a hanging answer must not hold up the next upload
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	private void handle(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		IngressReplies.Reply reply = this.replies.next();
		this.uploads.add(new Upload(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
				exchange.getRequestHeaders().getFirst("Content-Type"),
				exchange.getRequestHeaders().getFirst("Authorization"),
				exchange.getRequestHeaders().getFirst("X-Lightspeed-Batch-Id"), body, reply.answered(),
				reply.stored()));
		this.replies.respond(exchange, reply);
	}

	/**
	 * The upload URL.
	 * @return the URL
	 */
	public String url() {
		return "http://127.0.0.1:" + this.address.getPort() + "/api/ingress/v1/upload";
	}

	/**
	 * Answers the next uploads with these statuses, in order.
	 * @param statuses HTTP statuses
	 */
	public void answer(int... statuses) {
		Arrays.stream(statuses).forEach((status) -> this.replies.add(IngressReplies.Kind.ANSWER, status));
	}

	/**
	 * Never answers the next uploads, after reading them whole.
	 * @param times how many uploads
	 * @param stored whether they count as stored (a server that stored the payload and
	 * then hung) or not
	 */
	public void hang(int times, boolean stored) {
		for (int i = 0; i < times; i++) {
			this.replies.add(stored ? IngressReplies.Kind.HANG_STORED : IngressReplies.Kind.HANG_UNSTORED, 0);
		}
	}

	/**
	 * Stores the next upload and sends the headers of a 202, then nothing.
	 */
	public void stallAfterHeaders() {
		this.replies.add(IngressReplies.Kind.STALL, 202);
	}

	/**
	 * Answers every upload with 503 while set (after the scripted replies).
	 * @param refusing whether to refuse
	 */
	public void refusing(boolean refusing) {
		this.replies.refusing(refusing);
	}

	/**
	 * Stops listening (connections are refused) or listens again on the same port.
	 * @param refuse whether to refuse connections
	 */
	public synchronized void refuseConnections(boolean refuse) {
		if (refuse) {
			this.server.stop(0);
		}
		else {
			this.server = listen(this.address);
			serve();
		}
	}

	/**
	 * Waits this long before answering.
	 * @param delay the wait
	 */
	public void delay(Duration delay) {
		this.replies.delay(delay);
	}

	/**
	 * The uploads received so far.
	 * @return the uploads
	 */
	public List<Upload> uploads() {
		return List.copyOf(this.uploads);
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	/**
	 * One upload as received.
	 *
	 * @param method HTTP method
	 * @param path request path
	 * @param contentType request content type
	 * @param authorization the Authorization header
	 * @param batchId the X-Lightspeed-Batch-Id header
	 * @param body the raw body
	 * @param status the status it was answered with (0: none)
	 * @param stored whether the server kept the payload (answered 202, or hung or stalled
	 * after storing it)
	 */
	public record Upload(String method, String path, String contentType, String authorization, String batchId,
			byte[] body, int status, boolean stored) {

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
		 * The archive in the part named {@code file}, as sent.
		 * @return the gzip tar
		 */
		public byte[] archive() {
			String text = new String(this.body, StandardCharsets.ISO_8859_1);
			String boundary = this.contentType.substring(this.contentType.indexOf("boundary=") + 9);
			int start = text.indexOf("\r\n\r\n", text.indexOf("name=\"file\"")) + 4;
			int end = text.indexOf("\r\n--" + boundary + "--", start);
			return Arrays.copyOfRange(this.body, start, end);
		}

		/**
		 * The SHA-256 of the archive, as the collector names a batch.
		 * @return 64 hex digits
		 */
		public String archiveHash() {
			try {
				return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(archive()));
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

		/**
		 * The archive in the part named {@code file}, unpacked.
		 * @return member name to content, in archive order
		 */
		public Map<String, String> members() throws IOException {
			Map<String, String> members = new LinkedHashMap<>();
			try (InputStream gzip = new GZIPInputStream(new ByteArrayInputStream(archive()));
					TarArchiveInputStream tar = new TarArchiveInputStream(gzip)) {
				for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
					members.put(entry.getName(), new String(tar.readAllBytes(), StandardCharsets.UTF_8));
				}
			}
			return members;
		}

	}

}
