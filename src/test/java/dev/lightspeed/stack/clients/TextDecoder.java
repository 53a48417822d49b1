package dev.lightspeed.stack.clients;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The browser's {@code TextDecoder} for UTF-8: with {@code stream: true} a character
 * split between two chunks is held back until its last byte arrives; bytes that are not
 * UTF-8 become U+FFFD.
 */
final class TextDecoder {

	private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
		.onMalformedInput(CodingErrorAction.REPLACE)
		.onUnmappableCharacter(CodingErrorAction.REPLACE);

	private byte[] pending = new byte[0];

	/**
	 * {@code decoder.decode(chunk, {stream})}.
	 * @param chunk the bytes
	 * @param stream whether more bytes follow
	 * @return the text
	 */
	String decode(byte[] chunk, boolean stream) {
		ByteBuffer in = ByteBuffer.allocate(this.pending.length + chunk.length).put(this.pending).put(chunk).flip();
		CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
		this.decoder.decode(in, out, !stream);
		if (!stream) {
			this.decoder.flush(out);
			this.decoder.reset();
		}
		this.pending = new byte[in.remaining()];
		in.get(this.pending);
		return out.flip().toString();
	}

}
