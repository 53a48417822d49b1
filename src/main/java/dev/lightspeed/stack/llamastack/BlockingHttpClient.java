package dev.lightspeed.stack.llamastack;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import org.jspecify.annotations.Nullable;

/**
 * HTTP/1.1 POSTs to one server whose answers are read on the calling thread, straight
 * from the socket. A turn stream is read on its own virtual thread for as long as the
 * answer takes, thousands at a time: a blocking read parks the virtual thread until bytes
 * arrive, where the JDK client hands every exchange and every chunk from its selector
 * thread to an executor and on to the reader (each hand-off a thread wake-up) and
 * allocates a buffer per read. Connections are kept alive and reused for a short while;
 * one that the server closed while it was idle is replaced once, before any byte of the
 * answer arrived.
 */
final class BlockingHttpClient {

	static final Duration IDLE_LIFETIME = Duration.ofSeconds(2);

	// a connection not kept is closed by this side and waits in TIME_WAIT for a minute:
	// keep enough for the turns that run at once, not only a few
	private static final int MAX_IDLE = 1024;

	private static final int MAX_HEAD_BYTES = 64 * 1024;

	private static final int BUFFER_SIZE = 1024;

	private final URI server;

	private final boolean supportedScheme;

	private final String hostHeader;

	private final Duration connectTimeout;

	private final Duration firstByteTimeout;

	private final LongSupplier nanoTime;

	private final ReentrantLock lock = new ReentrantLock();

	private final Deque<Connection> idle = new ArrayDeque<>();

	/** A reaper runs while connections are idle (guarded by the lock). */
	private boolean reaping;

	/**
	 * A client for the server of a base URL.
	 * @param server scheme, host and port ({@code http} or {@code https})
	 * @param connectTimeout bound of the TCP connect (and TLS handshake)
	 * @param firstByteTimeout bound of the wait for the status line and headers; the body
	 * may take as long as it takes
	 * @param nanoTime the clock of the idle lifetime
	 */
	BlockingHttpClient(URI server, Duration connectTimeout, Duration firstByteTimeout, LongSupplier nanoTime) {
		this.server = server;
		this.supportedScheme = "http".equals(server.getScheme()) || "https".equals(server.getScheme());
		this.hostHeader = (server.getPort() < 0) ? server.getHost() : server.getHost() + ":" + server.getPort();
		this.connectTimeout = connectTimeout;
		this.firstByteTimeout = firstByteTimeout;
		this.nanoTime = nanoTime;
	}

	/**
	 * Sends a POST and reads the status line and headers.
	 * @param pathAndQuery the encoded request target, starting with {@code /}
	 * @param headers request headers besides {@code Host} and {@code Content-Length}
	 * @param body the request body
	 * @return the response, whose body the caller reads and closes
	 * @throws IOException when the server cannot be reached or breaks off
	 */
	Response post(String pathAndQuery, Map<String, String> headers, byte[] body) throws IOException {
		if (!this.supportedScheme) {
			throw new IOException("not an http or https URL: " + this.server);
		}
		byte[] head = requestHead(pathAndQuery, headers, body.length);
		Connection reused = takeIdle();
		if (reused != null) {
			try {
				return reused.exchange(head, body);
			}
			catch (IOException ex) {
				reused.discard();
				if (reused.answered || ex instanceof SocketTimeoutException) {
					// the server has the request: sending it again could start a second
					// turn
					throw ex;
				}
				// closed by the server while idle: the request was never read
			}
		}
		Connection fresh = connect();
		try {
			return fresh.exchange(head, body);
		}
		catch (IOException ex) {
			fresh.discard();
			throw ex;
		}
	}

	private byte[] requestHead(String pathAndQuery, Map<String, String> headers, int contentLength) {
		StringBuilder head = new StringBuilder(256).append("POST ")
			.append(checked(pathAndQuery))
			.append(" HTTP/1.1\r\nHost: ")
			.append(this.hostHeader)
			.append("\r\n");
		headers.forEach((name, value) -> head.append(checked(name)).append(": ").append(checked(value)).append("\r\n"));
		head.append("Content-Length: ").append(contentLength).append("\r\n\r\n");
		return head.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** Header names and values, and the target, cannot end the line they are on. */
	private static String checked(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\r' || c == '\n' || c == 0) {
				throw new IllegalArgumentException("line break or NUL in an HTTP request line or header");
			}
		}
		return text;
	}

	private @Nullable Connection takeIdle() {
		long now = this.nanoTime.getAsLong();
		this.lock.lock();
		try {
			Connection connection;
			while ((connection = this.idle.pollFirst()) != null) {
				if (now - connection.idleSince < IDLE_LIFETIME.toNanos()) {
					return connection;
				}
				connection.discard();
			}
			return null;
		}
		finally {
			this.lock.unlock();
		}
	}

	private void release(Connection connection) {
		long now = this.nanoTime.getAsLong();
		connection.idleSince = now;
		this.lock.lock();
		try {
			closeExpired(now);
			if (this.idle.size() < MAX_IDLE) {
				this.idle.addFirst(connection);
				if (!this.reaping) {
					this.reaping = true;
					Thread.ofVirtual().name("llama-stack-idle-connections").start(this::reap);
				}
				return;
			}
		}
		finally {
			this.lock.unlock();
		}
		connection.discard();
	}

	/**
	 * While connections are idle, closes each soon after its lifetime, so that none is
	 * held open (or half-closed by the server) when no request comes to take it.
	 */
	private void reap() {
		while (true) {
			try {
				Thread.sleep(IDLE_LIFETIME.dividedBy(2));
			}
			catch (InterruptedException ex) {
				this.lock.lock();
				this.reaping = false;
				this.lock.unlock();
				return;
			}
			this.lock.lock();
			try {
				closeExpired(this.nanoTime.getAsLong());
				if (this.idle.isEmpty()) {
					this.reaping = false;
					return;
				}
			}
			finally {
				this.lock.unlock();
			}
		}
	}

	/** The least recently used are at the end: closes those past their lifetime. */
	private void closeExpired(long now) {
		Connection oldest;
		while ((oldest = this.idle.peekLast()) != null && now - oldest.idleSince >= IDLE_LIFETIME.toNanos()) {
			this.idle.pollLast().discard();
		}
	}

	private Connection connect() throws IOException {
		boolean tls = "https".equals(this.server.getScheme());
		int port = (this.server.getPort() >= 0) ? this.server.getPort() : (tls ? 443 : 80);
		Socket socket = new Socket();
		try {
			socket.setTcpNoDelay(true);
			socket.connect(new InetSocketAddress(this.server.getHost(), port),
					Math.toIntExact(this.connectTimeout.toMillis()));
			if (tls) {
				SSLSocket secure = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(socket,
						this.server.getHost(), port, true);
				SSLParameters parameters = secure.getSSLParameters();
				parameters.setEndpointIdentificationAlgorithm("HTTPS");
				secure.setSSLParameters(parameters);
				secure.setSoTimeout(Math.toIntExact(this.connectTimeout.toMillis()));
				secure.startHandshake();
				socket = secure;
			}
			return new Connection(socket);
		}
		catch (IOException | RuntimeException ex) {
			socket.close();
			throw ex;
		}
	}

	/**
	 * A response: its status, and its body as it arrives. Reading the body to its end
	 * gives the connection back for reuse; closing it earlier closes the connection,
	 * which is how the server learns that nobody listens any more.
	 */
	interface Response {

		int status();

		InputStream body();

	}

	private final class Connection {

		private final Socket socket;

		private final InputStream in;

		private final OutputStream out;

		private long idleSince;

		/** A byte of the answer arrived: the request cannot be sent again. */
		private boolean answered;

		/** The line being read (head and chunk framing), reused from line to line. */
		private byte[] line = new byte[64];

		Connection(Socket socket) throws IOException {
			this.socket = socket;
			this.in = new BufferedInputStream(socket.getInputStream(), BUFFER_SIZE);
			this.out = socket.getOutputStream();
		}

		Response exchange(byte[] head, byte[] body) throws IOException {
			this.answered = false;
			this.socket.setSoTimeout(Math.toIntExact(BlockingHttpClient.this.firstByteTimeout.toMillis()));
			// one write, so one segment and one wake-up of the server, not two
			byte[] request = Arrays.copyOf(head, head.length + body.length);
			System.arraycopy(body, 0, request, head.length, body.length);
			this.out.write(request);
			this.out.flush();
			int first = this.in.read();
			if (first < 0) {
				throw new EOFException("the server closed the connection before answering");
			}
			this.answered = true;
			String statusLine = (char) first + line();
			int status = status(statusLine);
			long contentLength = -1;
			boolean chunked = false;
			boolean keepAlive = statusLine.startsWith("HTTP/1.1");
			int headBytes = statusLine.length();
			for (String header = line(); !header.isEmpty(); header = line()) {
				headBytes += header.length();
				if (headBytes > MAX_HEAD_BYTES) {
					throw new IOException("response headers larger than " + MAX_HEAD_BYTES + " bytes");
				}
				int colon = header.indexOf(':');
				if (colon <= 0) {
					continue;
				}
				String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
				String value = header.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
				switch (name) {
					case "content-length" -> contentLength = contentLength(value);
					case "transfer-encoding" -> chunked = value.endsWith("chunked");
					case "connection" ->
						keepAlive = keepAlive ? !value.contains("close") : value.contains("keep-alive");
					default -> {
						// nothing else changes how the body is framed
					}
				}
			}
			// the body may take as long as the turn does
			this.socket.setSoTimeout(0);
			InputStream framed;
			if (status == 204 || status == 304) {
				framed = new FixedBody(this, 0, keepAlive);
			}
			else if (chunked) {
				framed = new ChunkedBody(this, keepAlive);
			}
			else if (contentLength >= 0) {
				framed = new FixedBody(this, contentLength, keepAlive);
			}
			else {
				framed = new FixedBody(this, Long.MAX_VALUE, false);
			}
			return new Response() {

				@Override
				public int status() {
					return status;
				}

				@Override
				public InputStream body() {
					return framed;
				}

			};
		}

		private static int status(String statusLine) throws IOException {
			String[] parts = statusLine.split(" ", 3);
			if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
				throw new IOException("not an HTTP/1.x status line: " + statusLine);
			}
			try {
				return Integer.parseInt(parts[1]);
			}
			catch (NumberFormatException ex) {
				throw new IOException("not an HTTP/1.x status line: " + statusLine, ex);
			}
		}

		private static long contentLength(String value) throws IOException {
			try {
				return Long.parseLong(value);
			}
			catch (NumberFormatException ex) {
				throw new IOException("invalid Content-Length: " + value, ex);
			}
		}

		/** One CRLF- (or LF-) terminated line of the head or of the chunk framing. */
		String line() throws IOException {
			// read first: a long line replaces the array
			int length = readLine();
			return new String(this.line, 0, length, StandardCharsets.ISO_8859_1);
		}

		/**
		 * Reads a line that must be empty, such as the CRLF after a chunk; true if it is.
		 */
		boolean emptyLine() throws IOException {
			return readLine() == 0;
		}

		/** Reads a line into {@link #line}, without its terminator; its length. */
		private int readLine() throws IOException {
			int length = 0;
			for (int b = this.in.read(); b != '\n'; b = this.in.read()) {
				if (b < 0) {
					throw new EOFException("the server closed the connection mid-line");
				}
				if (length == MAX_HEAD_BYTES) {
					throw new IOException("line longer than " + MAX_HEAD_BYTES + " bytes");
				}
				if (length == this.line.length) {
					this.line = Arrays.copyOf(this.line, length * 2);
				}
				this.line[length++] = (byte) b;
			}
			return (length > 0 && this.line[length - 1] == '\r') ? length - 1 : length;
		}

		int read(byte[] buffer, int offset, int length) throws IOException {
			return this.in.read(buffer, offset, length);
		}

		void finished(boolean reusable) {
			if (reusable) {
				release(this);
			}
			else {
				discard();
			}
		}

		void discard() {
			try {
				this.socket.close();
			}
			catch (IOException ex) {
				// closing is all that was left to do
			}
		}

	}

	/** A body as its framing delimits it; closed before its end, the connection goes. */
	private abstract static class FramedBody extends InputStream {

		final Connection connection;

		final boolean keepAlive;

		boolean done;

		FramedBody(Connection connection, boolean keepAlive) {
			this.connection = connection;
			this.keepAlive = keepAlive;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return (read(one, 0, 1) < 0) ? -1 : one[0] & 0xFF;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			if (this.done) {
				return -1;
			}
			return (length == 0) ? 0 : readFramed(buffer, offset, length);
		}

		abstract int readFramed(byte[] buffer, int offset, int length) throws IOException;

		/**
		 * The body ended; a complete one leaves the connection ready for the next
		 * request.
		 */
		void finish(boolean complete) {
			this.done = true;
			this.connection.finished(complete && this.keepAlive);
		}

		@Override
		public void close() {
			if (!this.done) {
				this.done = true;
				this.connection.discard();
			}
		}

	}

	/** A body framed by its length, or by the end of the connection. */
	private static final class FixedBody extends FramedBody {

		private final boolean untilClose;

		private long remaining;

		FixedBody(Connection connection, long length, boolean keepAlive) {
			super(connection, keepAlive);
			this.remaining = length;
			this.untilClose = length == Long.MAX_VALUE;
			if (length == 0) {
				finish(true);
			}
		}

		@Override
		int readFramed(byte[] buffer, int offset, int length) throws IOException {
			int read = this.connection.read(buffer, offset, (int) Math.min(length, this.remaining));
			if (read < 0) {
				finish(false);
				if (!this.untilClose) {
					throw new EOFException("the server closed the connection before the end of the body");
				}
				return -1;
			}
			this.remaining -= read;
			if (this.remaining == 0) {
				finish(true);
			}
			return read;
		}

	}

	/** A body in {@code Transfer-Encoding: chunked}. */
	private static final class ChunkedBody extends FramedBody {

		private long chunkRemaining;

		ChunkedBody(Connection connection, boolean keepAlive) {
			super(connection, keepAlive);
		}

		@Override
		int readFramed(byte[] buffer, int offset, int length) throws IOException {
			try {
				if (this.chunkRemaining == 0 && !nextChunk()) {
					return -1;
				}
				int read = this.connection.read(buffer, offset, (int) Math.min(length, this.chunkRemaining));
				if (read < 0) {
					throw new EOFException("the server closed the connection inside a chunk");
				}
				this.chunkRemaining -= read;
				if (this.chunkRemaining == 0 && !this.connection.emptyLine()) {
					throw new IOException("a chunk does not end with CRLF");
				}
				return read;
			}
			catch (IOException ex) {
				close();
				throw ex;
			}
		}

		/** Reads the next chunk's size line; false after the last chunk and trailers. */
		private boolean nextChunk() throws IOException {
			String sizeLine = this.connection.line();
			int extension = sizeLine.indexOf(';');
			String size = ((extension >= 0) ? sizeLine.substring(0, extension) : sizeLine).trim();
			try {
				this.chunkRemaining = Long.parseLong(size, 16);
			}
			catch (NumberFormatException ex) {
				throw new IOException("invalid chunk size: " + sizeLine, ex);
			}
			if (this.chunkRemaining < 0) {
				throw new IOException("invalid chunk size: " + sizeLine);
			}
			if (this.chunkRemaining > 0) {
				return true;
			}
			// trailers, up to the empty line
			while (!this.connection.emptyLine()) {
				// a trailer carries nothing this client uses
			}
			finish(true);
			return false;
		}

	}

}
