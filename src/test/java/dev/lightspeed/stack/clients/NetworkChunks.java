package dev.lightspeed.stack.clients;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * A response body as a browser's {@code reader.read()} hands it over: one chunk per read
 * of the connection, whatever the events in it. Fed by the JDK client's streaming body
 * ({@code BodyHandlers.ofPublisher()}), whose every item is what one read of the socket
 * decoded.
 */
final class NetworkChunks implements Flow.Subscriber<List<ByteBuffer>> {

	private static final Object END = new Object();

	private final BlockingQueue<Object> arrived = new LinkedBlockingQueue<>();

	private final Consumer<byte[]> observer;

	private boolean ended;

	private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

	/**
	 * Chunks handed to the client as they arrive.
	 * @param observer sees each chunk before the client does (the test's user, who may
	 * press Stop)
	 */
	NetworkChunks(Consumer<byte[]> observer) {
		this.observer = observer;
	}

	/**
	 * A body that has arrived already, in these chunks.
	 * @param chunks the chunks, as text (UTF-8)
	 * @return the body
	 */
	static NetworkChunks delivered(String... chunks) {
		return delivered(
				Arrays.stream(chunks).map((chunk) -> chunk.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new));
	}

	/**
	 * A body that has arrived already, in these chunks.
	 * @param chunks the chunks
	 * @return the body
	 */
	static NetworkChunks delivered(byte[]... chunks) {
		NetworkChunks body = new NetworkChunks((chunk) -> {
		});
		// exactly these chunks, cut wherever they are cut
		for (byte[] chunk : chunks) {
			body.arrived.add(chunk);
		}
		body.arrived.add(END);
		return body;
	}

	/**
	 * {@code reader.read()}: the next chunk, waiting for it.
	 * @return the chunk, null when the body is over ({@code done})
	 * @throws IOException when the connection failed
	 */
	byte @Nullable [] next() throws IOException {
		if (this.ended) {
			return null;
		}
		Object item;
		try {
			item = this.arrived.poll(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("interrupted while reading");
		}
		if (item == null) {
			throw new IOException("no byte for 30 s");
		}
		if (item == END) {
			this.ended = true;
			return null;
		}
		if (item instanceof Throwable failure) {
			this.ended = true;
			throw new IOException(failure);
		}
		byte[] chunk = (byte[]) item;
		this.observer.accept(chunk);
		return chunk;
	}

	@Override
	public void onSubscribe(Flow.Subscription subscription) {
		subscription.request(Long.MAX_VALUE);
	}

	// A live body is handed over up to the end of its last whole event, the rest with
	// the next read: a client that keeps up reads between the events the service flushes
	// whole, while the socket reads of a loaded test machine end anywhere (what the
	// reference UI does with an event cut in two is shown with delivered chunks).
	@Override
	public void onNext(List<ByteBuffer> buffers) {
		for (ByteBuffer buffer : buffers) {
			byte[] bytes = new byte[buffer.remaining()];
			buffer.get(bytes);
			this.pending.writeBytes(bytes);
		}
		byte[] pendingBytes = this.pending.toByteArray();
		int end = lastEventEnd(pendingBytes);
		if (end > 0) {
			this.arrived.add(Arrays.copyOf(pendingBytes, end));
			this.pending.reset();
			this.pending.write(pendingBytes, end, pendingBytes.length - end);
		}
	}

	private static int lastEventEnd(byte[] bytes) {
		for (int i = bytes.length - 1; i > 0; i--) {
			if (bytes[i] == '\n' && bytes[i - 1] == '\n') {
				return i + 1;
			}
		}
		return 0;
	}

	@Override
	public void onError(Throwable failure) {
		this.arrived.add(failure);
	}

	@Override
	public void onComplete() {
		if (this.pending.size() > 0) {
			this.arrived.add(this.pending.toByteArray());
			this.pending.reset();
		}
		this.arrived.add(END);
	}

}
