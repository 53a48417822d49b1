package dev.lightspeed.stack.replicas;

import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import dev.lightspeed.stack.support.ApplicationClient;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Clients that each send requests one after the other, all at once, every request
 * recorded with when it was sent and what came back: a bounded load (clients × requests)
 * on loopback.
 */
final class QueryLoad {

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

	private final AtomicInteger done = new AtomicInteger();

	private final CompletableFuture<List<Outcome>> outcomes;

	private QueryLoad(ApplicationClient app, String path, int clients, int requests, Bodies bodies) {
		ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
		List<CompletableFuture<List<Outcome>>> each = new ArrayList<>();
		for (int client = 0; client < clients; client++) {
			int c = client;
			each.add(CompletableFuture.supplyAsync(() -> {
				List<Outcome> mine = new ArrayList<>();
				for (int n = 0; n < requests; n++) {
					mine.add(send(app, c, bodies.body(c, n), path));
					this.done.incrementAndGet();
				}
				return mine;
			}, executor));
		}
		this.outcomes = CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
			.thenApply((all) -> each.stream().flatMap((client) -> client.join().stream()).toList())
			.whenComplete((all, failure) -> executor.shutdown());
	}

	/**
	 * Starts the clients.
	 * @param app where they send to
	 * @param path the path they post to, with {@code ?user_id=}
	 * @param clients how many clients
	 * @param requests how many requests each sends
	 * @param bodies what they send
	 * @return the running load
	 */
	static QueryLoad start(ApplicationClient app, String path, int clients, int requests, Bodies bodies) {
		return new QueryLoad(app, path, clients, requests, bodies);
	}

	/**
	 * How many requests have been answered or have failed so far.
	 * @return the count
	 */
	int done() {
		return this.done.get();
	}

	/**
	 * Waits for every client to finish.
	 * @return every request's outcome, client by client, in order
	 */
	List<Outcome> outcomes() {
		return this.outcomes.join();
	}

	private static Outcome send(ApplicationClient app, int client, String body, String path) {
		long sentAt = System.nanoTime();
		try {
			HttpResponse<String> response = app.send(app.request(path)
				.timeout(REQUEST_TIMEOUT)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body)));
			String conversation = (response.statusCode() == 200)
					? JSON.readTree(response.body()).path("conversation_id").stringValue(null) : null;
			return new Outcome(client, body, response.statusCode(), conversation, sentAt, System.nanoTime());
		}
		catch (UncheckedIOException ex) {
			return new Outcome(client, body, -1, null, sentAt, System.nanoTime());
		}
	}

	/**
	 * What the clients send.
	 */
	@FunctionalInterface
	interface Bodies {

		/**
		 * The body of a client's nth request.
		 * @param client the client
		 * @param n the request
		 * @return the JSON body
		 */
		String body(int client, int n);

	}

	/**
	 * A request's outcome.
	 *
	 * @param client the client that sent it
	 * @param body what it sent
	 * @param status the HTTP status, -1 when the connection failed
	 * @param conversationId the answer's {@code conversation_id}
	 * @param sentAt {@link System#nanoTime()} when sent
	 * @param answeredAt when answered or failed
	 */
	record Outcome(int client, String body, int status, @Nullable String conversationId, long sentAt, long answeredAt) {

		boolean acknowledged() {
			return this.status == 200;
		}

	}

}
