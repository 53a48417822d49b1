package dev.lightspeed.stack.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wire traffic captured from real Llama Stack servers by {@code e2e/capture.sh}. The
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
		return of(VERSION, name);
	}

	/**
	 * A JSON capture of a generation of the harness, parsed.
	 * @param generation the generation's folder
	 * @param name the file name below it, e.g. {@code knowledge/vector_store_files.json}
	 * @return the JSON Llama Stack sent
	 */
	public static JsonNode json(String generation, String name) {
		return JsonMapper.shared().readTree(of(generation, name));
	}

	/**
	 * The raw body of a capture of a generation of the harness.
	 * @param generation the generation's folder, e.g. {@code 0.5.4} or {@code ogx-1.5.0}
	 * @param name the file name, e.g. {@code plain_stream.sse}
	 * @return the bytes Llama Stack sent
	 */
	public static byte[] of(String generation, String name) {
		String path = "/captures/" + generation + "/" + name;
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
