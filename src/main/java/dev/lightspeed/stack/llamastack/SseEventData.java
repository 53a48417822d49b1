package dev.lightspeed.stack.llamastack;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * The {@code data:} of each server-sent event in a body, read as it arrives and kept as
 * bytes: the JSON parser decodes the UTF-8 itself, so an event is copied once, into the
 * array handed out, instead of once per line, per string and per join. A turn stream is
 * held open for as long as the answer takes, thousands at a time, so the buffers start
 * small (512 bytes to read into, 256 for a line and for an event's data) and grow only
 * for long lines.
 */
final class SseEventData {

	private static final byte[] DATA = { 'd', 'a', 't', 'a', ':' };

	private static final byte[] NEWLINE = { '\n' };

	private final InputStream body;

	private final byte[] buffer = new byte[512];

	private int position;

	private int limit;

	private byte[] line = new byte[256];

	private int lineLength;

	private byte[] data = new byte[256];

	private int dataLength;

	/** Whether the event being read has had a {@code data:} line, even an empty one. */
	private boolean hasData;

	SseEventData(InputStream body) {
		this.body = body;
	}

	/**
	 * The next event's data: its {@code data:} lines without the field name and the one
	 * space after it, joined with {@code \n}. Other fields ({@code event:}, {@code id:},
	 * {@code retry:}) and comments carry nothing Llama Stack uses and are skipped, as are
	 * events without data. Lines end with {@code \n} or {@code \r\n}; a last event
	 * without its blank line still counts.
	 * @return the data, or null at the end of the body
	 * @throws IOException when reading fails
	 */
	byte @Nullable [] next() throws IOException {
		while (readLine()) {
			if (this.lineLength == 0) {
				if (this.hasData) {
					return takeData();
				}
			}
			else if (startsWithData()) {
				int start = (this.lineLength > DATA.length && this.line[DATA.length] == ' ') ? DATA.length + 1
						: DATA.length;
				if (this.hasData) {
					appendData(NEWLINE, 0, 1);
				}
				appendData(this.line, start, this.lineLength - start);
				this.hasData = true;
			}
		}
		return this.hasData ? takeData() : null;
	}

	/** Reads the next line into {@link #line}; false at the end of the body. */
	private boolean readLine() throws IOException {
		this.lineLength = 0;
		boolean any = false;
		while (true) {
			if (this.position == this.limit) {
				int read = this.body.read(this.buffer);
				if (read < 0) {
					stripCarriageReturn();
					return any;
				}
				this.position = 0;
				this.limit = read;
			}
			any = true;
			int start = this.position;
			while (this.position < this.limit && this.buffer[this.position] != '\n') {
				this.position++;
			}
			appendLine(start, this.position - start);
			if (this.position < this.limit) {
				this.position++;
				stripCarriageReturn();
				return true;
			}
		}
	}

	private void stripCarriageReturn() {
		if (this.lineLength > 0 && this.line[this.lineLength - 1] == '\r') {
			this.lineLength--;
		}
	}

	private boolean startsWithData() {
		return this.lineLength >= DATA.length && Arrays.equals(this.line, 0, DATA.length, DATA, 0, DATA.length);
	}

	private void appendLine(int offset, int length) {
		this.line = ensure(this.line, this.lineLength + length);
		System.arraycopy(this.buffer, offset, this.line, this.lineLength, length);
		this.lineLength += length;
	}

	private void appendData(byte[] source, int offset, int length) {
		this.data = ensure(this.data, this.dataLength + length);
		System.arraycopy(source, offset, this.data, this.dataLength, length);
		this.dataLength += length;
	}

	private byte[] takeData() {
		byte[] event = Arrays.copyOf(this.data, this.dataLength);
		this.dataLength = 0;
		this.hasData = false;
		return event;
	}

	private static byte[] ensure(byte[] array, int capacity) {
		return (capacity <= array.length) ? array : Arrays.copyOf(array, Math.max(capacity, array.length * 2));
	}

}
