package dev.lightspeed.stack.llamastack.library;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waits for a started server to answer {@code GET /v1/health} with 200, the way the e2e
 * harness waits for every generation.
 */
final class HealthCheck implements AutoCloseable {

	private static final Duration INTERVAL = Duration.ofMillis(200);

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();

	private final URI uri;

	private final Duration timeout;

	HealthCheck(String baseUrl, Duration timeout) {
		this.uri = URI.create(baseUrl + "/v1/health");
		this.timeout = timeout;
	}

	Outcome await(Process process) throws InterruptedException {
		long deadline = System.nanoTime() + this.timeout.toNanos();
		while (process.isAlive()) {
			if (answers()) {
				return Outcome.ANSWERS;
			}
			if (System.nanoTime() - deadline > 0) {
				return Outcome.TIMED_OUT;
			}
			process.waitFor(INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
		}
		return Outcome.EXITED;
	}

	private boolean answers() throws InterruptedException {
		try {
			HttpRequest request = HttpRequest.newBuilder(this.uri).timeout(REQUEST_TIMEOUT).build();
			return this.client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			// not listening yet
			return false;
		}
	}

	@Override
	public void close() {
		this.client.close();
	}

	enum Outcome {

		ANSWERS, EXITED, TIMED_OUT

	}

}
