import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Load client for LCS's streaming endpoint: bench/run.sh compiles it once and runs the class; the JDK's source
 * launcher runs it too ({@code java bench/loadgen/SseLoad.java MODE ...}). Each stream is read on its own
 * virtual thread through one JDK HttpClient, so ten thousand open streams cost the client
 * little. It understands LCS 0.2.0's dialect: {@code data: {"event": ...}} lines.
 *
 * <pre>
 * ttft URL BODY WARMUP REQUESTS CONCURRENCY [IDS]
 *                                         time to first token and to end, p50/p99 in ms, of
 *                                         REQUESTS after WARMUP uncounted ones; with a file of
 *                                         conversation ids, each request replaces @ID@ in BODY
 *                                         with the next one (follow-up questions)
 * hold URL BODY STREAMS RAMP_PER_S PID DEADLINE_S [IDS]
 *                                         open STREAMS at once, read each to its end; peak
 *                                         open streams, errors, peak RSS of PID and children
 * </pre>
 *
 * Prints one JSON object on stdout. Exits 1 when no stream succeeded, so a broken harness
 * fails loudly; errors are counted, not thrown.
 */
public class SseLoad {

	private static final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(30))
		.executor(Executors.newVirtualThreadPerTaskExecutor())
		.build();

	private final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();

	private final AtomicInteger open = new AtomicInteger();

	private final AtomicInteger peakOpen = new AtomicInteger();

	private final AtomicInteger succeeded = new AtomicInteger();

	public static void main(String[] args) throws Exception {
		if (args.length < 5) {
			System.err.println("usage: SseLoad ttft URL BODY WARMUP REQUESTS CONCURRENCY [IDS] | hold URL BODY STREAMS RAMP PID DEADLINE_S [IDS]");
			System.exit(2);
		}
		SseLoad load = new SseLoad();
		int idsArgument = args[0].equals("ttft") ? 6 : 7;
		List<String> given = (args.length > idsArgument) ? Files.readAllLines(Path.of(args[idsArgument])) : List.of();
		// the floor targets ignore the conversation id
		List<String> ids = given.isEmpty() ? List.of("") : given;
		AtomicInteger next = new AtomicInteger();
		Supplier<HttpRequest> requests = () -> HttpRequest.newBuilder(URI.create(args[1]))
			.header("Content-Type", "application/json")
			.timeout(Duration.ofMinutes(10))
			.POST(HttpRequest.BodyPublishers
				.ofString(args[2].replace("@ID@", ids.get(Math.floorMod(next.getAndIncrement(), ids.size())))))
			.build();
		Map<String, Object> result = switch (args[0]) {
			case "ttft" -> load.ttft(requests, Integer.parseInt(args[3]), Integer.parseInt(args[4]),
					Integer.parseInt(args[5]));
			case "hold" -> load.hold(requests, Integer.parseInt(args[3]), Integer.parseInt(args[4]),
					Long.parseLong(args[5]), Long.parseLong(args[6]));
			default -> throw new IllegalArgumentException("unknown mode " + args[0]);
		};
		result.put("errors", load.errors.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (e) -> e.getValue().get())));
		System.out.println(toJson(result));
		System.exit(load.succeeded.get() > 0 ? 0 : 1);
	}

	/**
	 * Sequential waves of streams: the latency a user sees before the first token. The
	 * warm-up streams first, uncounted: the target's first streams load and compile its
	 * streaming path, as the other measurements' warm-up does for {@code /v1/query}.
	 */
	private Map<String, Object> ttft(Supplier<HttpRequest> request, int warmUp, int requests, int concurrency)
			throws InterruptedException {
		waves(request, warmUp, concurrency);
		this.errors.clear();
		this.succeeded.set(0);
		long[][] times = waves(request, requests, concurrency);
		long[] firstToken = times[0];
		long[] total = times[1];
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("mode", "ttft");
		result.put("requests", requests);
		result.put("concurrency", concurrency);
		result.put("succeeded", this.succeeded.get());
		result.put("ttft_p50_ms", percentile(firstToken, 50));
		result.put("ttft_p99_ms", percentile(firstToken, 99));
		result.put("total_p50_ms", percentile(total, 50));
		result.put("total_p99_ms", percentile(total, 99));
		return result;
	}

	// first-token and end times of each request, -1 for a failed one
	private long[][] waves(Supplier<HttpRequest> request, int requests, int concurrency) throws InterruptedException {
		long[] firstToken = new long[requests];
		long[] total = new long[requests];
		Arrays.fill(firstToken, -1);
		Arrays.fill(total, -1);
		Semaphore slots = new Semaphore(concurrency);
		CountDownLatch done = new CountDownLatch(requests);
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < requests; i++) {
				int index = i;
				slots.acquire();
				threads.execute(() -> {
					try {
						long start = System.nanoTime();
						Stream stream = read(request.get(), start);
						if (stream != null) {
							firstToken[index] = stream.firstTokenNanos;
							total[index] = stream.endNanos;
						}
					}
					finally {
						slots.release();
						done.countDown();
					}
				});
			}
			done.await();
		}
		return new long[][] { firstToken, total };
	}

	/** Many slow streams open at once: what holding them costs the server. */
	private Map<String, Object> hold(Supplier<HttpRequest> request, int streams, int rampPerSecond, long pid, long deadlineSeconds)
			throws InterruptedException {
		AtomicLong peakRss = new AtomicLong();
		Thread sampler = Thread.ofVirtual().start(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				peakRss.accumulateAndGet(rssKiB(pid), Math::max);
				try {
					Thread.sleep(250);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
		long started = System.nanoTime();
		CountDownLatch done = new CountDownLatch(streams);
		ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
		long pause = 1_000_000_000L / Math.max(1, rampPerSecond);
		for (int i = 0; i < streams; i++) {
			threads.execute(() -> {
				try {
					read(request.get(), System.nanoTime());
				}
				finally {
					done.countDown();
				}
			});
			long wait = started + (i + 1) * pause - System.nanoTime();
			if (wait > 0) {
				Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
			}
		}
		// a server that stalls does not hang the benchmark: what is still open then is unfinished
		if (!done.await(deadlineSeconds, TimeUnit.SECONDS)) {
			this.errors.put("unfinished", new AtomicInteger((int) done.getCount()));
		}
		sampler.interrupt();
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("mode", "hold");
		result.put("streams", streams);
		result.put("succeeded", this.succeeded.get());
		result.put("peak_open", this.peakOpen.get());
		result.put("peak_rss_mib", peakRss.get() / 1024);
		result.put("seconds", (System.nanoTime() - started) / 1_000_000_000.0);
		return result;
	}

	private record Stream(long firstTokenNanos, long endNanos) {
	}

	/** Reads one stream to its end; null (and an error counted) when it did not end well. */
	private Stream read(HttpRequest request, long start) {
		try {
			HttpResponse<java.io.InputStream> response = client.send(request,
					HttpResponse.BodyHandlers.ofInputStream());
			try (BufferedReader body = new BufferedReader(
					new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
				if (response.statusCode() != 200) {
					String cause = body.lines().collect(Collectors.joining(" "));
					error("status " + response.statusCode() + " " + cause.substring(0, Math.min(160, cause.length())));
					return null;
				}
				return events(body, start);
			}
		}
		catch (IOException ex) {
			// the message tells a reset from a refusal or a truncated response
			String message = (ex.getMessage() != null) ? ": " + ex.getMessage() : "";
			error(ex.getClass().getSimpleName() + message.substring(0, Math.min(100, message.length())));
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			error("interrupted");
			return null;
		}
	}

	private Stream events(BufferedReader body, long start) throws IOException {
		long firstToken = -1;
		boolean counted = false;
		try {
			for (String line = body.readLine(); line != null; line = body.readLine()) {
				if (!line.startsWith("data: ")) {
					continue;
				}
				if (!counted && line.contains("\"event\": \"start\"")) {
					counted = true;
					this.peakOpen.accumulateAndGet(this.open.incrementAndGet(), Math::max);
				}
				// the first token with text (a stream opens with an empty one when the step starts)
				else if (firstToken < 0 && line.contains("\"event\": \"token\"")
						&& !line.contains("\"token\": \"\"")) {
					firstToken = System.nanoTime() - start;
				}
				else if (line.contains("\"event\": \"error\"")) {
					error("error event");
					return null;
				}
				else if (line.contains("\"event\": \"end\"")) {
					this.succeeded.incrementAndGet();
					return new Stream(firstToken, System.nanoTime() - start);
				}
			}
			error(counted ? "closed before end" : "closed before start");
			return null;
		}
		finally {
			if (counted) {
				this.open.decrementAndGet();
			}
		}
	}

	private void error(String kind) {
		this.errors.computeIfAbsent(kind, (k) -> new AtomicInteger()).incrementAndGet();
	}

	private static double percentile(long[] nanos, int percentile) {
		long[] ok = Arrays.stream(nanos).filter((n) -> n >= 0).sorted().toArray();
		if (ok.length == 0) {
			return -1;
		}
		int index = (int) Math.ceil(percentile / 100.0 * ok.length) - 1;
		return Math.round(ok[Math.max(0, index)] / 1_000.0) / 1_000.0;
	}

	/** Resident set of a process and its descendants (uvicorn workers), in KiB. */
	static long rssKiB(long pid) {
		List<ProcessHandle> tree = new ArrayList<>();
		ProcessHandle.of(pid).ifPresent((root) -> {
			tree.add(root);
			root.descendants().forEach(tree::add);
		});
		long total = 0;
		for (ProcessHandle process : tree) {
			try {
				for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
					if (line.startsWith("VmRSS:")) {
						total += Long.parseLong(line.replaceAll("[^0-9]", ""));
					}
				}
			}
			catch (IOException ex) {
				// the process ended between the listing and the read
			}
		}
		return total;
	}

	private static String toJson(Map<String, ?> map) {
		return map.entrySet().stream().map((e) -> value(e.getKey()) + ": " + value(e.getValue()))
			.collect(Collectors.joining(", ", "{", "}"));
	}

	@SuppressWarnings("unchecked")
	private static String value(Object value) {
		if (value instanceof Map<?, ?> map) {
			return toJson((Map<String, ?>) map);
		}
		if (value instanceof String text) {
			// error kinds carry a response body's text: quotes become apostrophes, line breaks spaces
			return "\"" + text.replace("\\", "\\\\").replace("\"", "'").replaceAll("[\\x00-\\x1f]", " ") + "\"";
		}
		return String.valueOf(value);
	}

}
