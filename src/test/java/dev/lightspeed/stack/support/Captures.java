package dev.lightspeed.stack.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Turn streams captured from a real Llama Stack by {@code e2e/smoke.sh --capture}. The
 * build puts {@code e2e/captures} on the test class path as {@code captures}, so tests
 * read the files the harness refreshes, not a copy.
 */
public final class Captures {

	private static final String VERSION = "0.2.22";

	private Captures() {
	}

	/**
	 * The raw body of a captured turn stream.
	 * @param name the file name, e.g. {@code plain.sse}
	 * @return the bytes Llama Stack sent
	 */
	public static byte[] of(String name) {
		String path = "/captures/" + VERSION + "/" + name;
		try (InputStream in = Captures.class.getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("no capture " + path + " on the test class path");
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
