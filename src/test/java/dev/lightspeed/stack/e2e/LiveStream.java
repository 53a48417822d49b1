package dev.lightspeed.stack.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;

/**
 * One live response body read by several parsers at once, as several clients would read
 * it: every parser runs on its own thread and gets each piece of the body the moment it
 * arrives, through its own pipe.
 *
 * @param body the whole body, as it arrived
 * @param events what each parser read, by name
 */
record LiveStream(String body, Map<String, List<JsonNode>> events) {

	/**
	 * Reads the body to its end with every parser.
	 * @param live the body, not read yet
	 * @param parsers the parsers, by name
	 * @return what each read
	 * @throws AssertionError naming the parser that rejected the stream
	 */
	static LiveStream read(InputStream live, Map<String, SseParsers.Parser> parsers) throws Exception {
		Map<String, PipedOutputStream> pipes = new LinkedHashMap<>();
		Map<String, Future<List<JsonNode>>> results = new LinkedHashMap<>();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
			for (Map.Entry<String, SseParsers.Parser> parser : parsers.entrySet()) {
				PipedInputStream in = new PipedInputStream(64 * 1024);
				pipes.put(parser.getKey(), new PipedOutputStream(in));
				results.put(parser.getKey(), readers.submit(() -> {
					try (in) {
						return parser.getValue().read(in);
					}
				}));
			}
			byte[] buffer = new byte[8192];
			for (int n = live.read(buffer); n != -1; n = live.read(buffer)) {
				body.write(buffer, 0, n);
				for (PipedOutputStream pipe : pipes.values()) {
					write(pipe, buffer, n);
				}
			}
			for (PipedOutputStream pipe : pipes.values()) {
				pipe.close();
			}
			Map<String, List<JsonNode>> events = new LinkedHashMap<>();
			for (Map.Entry<String, Future<List<JsonNode>>> result : results.entrySet()) {
				events.put(result.getKey(), outcome(result.getKey(), result.getValue()));
			}
			return new LiveStream(body.toString(StandardCharsets.UTF_8), events);
		}
	}

	private static void write(PipedOutputStream pipe, byte[] buffer, int length) {
		try {
			pipe.write(buffer, 0, length);
			pipe.flush();
		}
		catch (IOException ex) {
			// that parser gave up and closed its end; its result says why
		}
	}

	private static List<JsonNode> outcome(String parser, Future<List<JsonNode>> result) throws Exception {
		try {
			return result.get(30, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			throw new AssertionError(parser + " rejected the stream: " + ex.getCause().getMessage(), ex.getCause());
		}
	}

}
