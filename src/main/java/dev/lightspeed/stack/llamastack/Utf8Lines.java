package dev.lightspeed.stack.llamastack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * The lines of a UTF-8 body, read as they arrive. A turn stream is held open for as long
 * as the answer takes, thousands at a time, so this keeps a 512-byte buffer where a
 * {@code BufferedReader} over an {@code InputStreamReader} keeps 24 KB; a long line just
 * grows the line being built.
 */
final class Utf8Lines {

	private final InputStream body;

	private final byte[] buffer = new byte[512];

	private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

	private int position;

	private int limit;

	Utf8Lines(InputStream body) {
		this.body = body;
	}

	/**
	 * The next line without its terminator ({@code \n} or {@code \r\n}).
	 * @return the line, or null at the end of the body
	 * @throws IOException when reading fails
	 */
	@Nullable String next() throws IOException {
		this.line.reset();
		while (true) {
			if (this.position == this.limit) {
				int read = this.body.read(this.buffer);
				if (read < 0) {
					return (this.line.size() > 0) ? text() : null;
				}
				this.position = 0;
				this.limit = read;
			}
			int start = this.position;
			while (this.position < this.limit && this.buffer[this.position] != '\n') {
				this.position++;
			}
			this.line.write(this.buffer, start, this.position - start);
			if (this.position < this.limit) {
				this.position++;
				return text();
			}
		}
	}

	private String text() {
		byte[] bytes = this.line.toByteArray();
		int length = (bytes.length > 0 && bytes[bytes.length - 1] == '\r') ? bytes.length - 1 : bytes.length;
		return new String(bytes, 0, length, StandardCharsets.UTF_8);
	}

}
