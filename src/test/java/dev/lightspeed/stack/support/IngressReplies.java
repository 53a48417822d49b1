package dev.lightspeed.stack.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;

/**
 * The script of {@link FakeIngress}: how the next uploads are answered, in order, and 202
 * (or 503 while refusing) once the script is used up.
 */
final class IngressReplies {

	private static final Duration HANG = Duration.ofSeconds(60);

	private final Deque<Reply> script = new ArrayDeque<>();

	private final AtomicInteger accepted = new AtomicInteger();

	private volatile Duration delay = Duration.ZERO;

	private volatile boolean refusing;

	synchronized void add(Kind kind, int status) {
		this.script.add(new Reply(kind, status));
	}

	void delay(Duration delay) {
		this.delay = delay;
	}

	void refusing(boolean refusing) {
		this.refusing = refusing;
	}

	synchronized Reply next() {
		Reply reply = this.script.poll();
		return (reply != null) ? reply : new Reply(Kind.ANSWER, this.refusing ? 503 : 202);
	}

	/**
	 * Answers (or not) as the reply says; returns when the exchange is over or the server
	 * closes.
	 */
	void respond(HttpExchange exchange, Reply reply) throws IOException {
		byte[] answer = ((reply.status() == 202)
				? "{\"request_id\":\"r-" + this.accepted.incrementAndGet() + "\",\"upload\":{\"account_number\":\"1\"}}"
				: "{\"errors\":[{\"detail\":\"boom\"}]}")
			.getBytes(StandardCharsets.UTF_8);
		try (exchange) {
			if (reply.kind() == Kind.HANG_STORED || reply.kind() == Kind.HANG_UNSTORED) {
				Thread.sleep(HANG);
				return;
			}
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			if (reply.kind() == Kind.STALL) {
				exchange.sendResponseHeaders(reply.status(), answer.length);
				exchange.getResponseBody().flush();
				Thread.sleep(HANG);
			}
			else {
				Thread.sleep(this.delay);
				exchange.sendResponseHeaders(reply.status(), answer.length);
			}
			exchange.getResponseBody().write(answer);
		}
		catch (InterruptedException ex) {
			// the server is closing
			Thread.currentThread().interrupt();
		}
	}

	enum Kind {

		/** The status, after the delay. */
		ANSWER,
		/** No answer, after storing the upload. */
		HANG_STORED,
		/** No answer, without storing the upload. */
		HANG_UNSTORED,
		/** The status line and headers, then nothing. */
		STALL

	}

	record Reply(Kind kind, int status) {

		/** Whether the ingress kept the payload. */
		boolean stored() {
			return (this.kind == Kind.ANSWER) ? this.status == 202 : this.kind != Kind.HANG_UNSTORED;
		}

		/** The status the client saw, 0 for none. */
		int answered() {
			return (this.kind == Kind.ANSWER || this.kind == Kind.STALL) ? this.status : 0;
		}

	}

}
