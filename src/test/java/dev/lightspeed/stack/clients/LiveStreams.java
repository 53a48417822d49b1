package dev.lightspeed.stack.clients;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Questions sent to the application on its real port, each answer read by one client's
 * parser from the JDK client's streaming body as the bytes arrive; and the user who
 * presses Stop while an answer streams.
 */
final class LiveStreams {

	private static final Pattern CONVERSATION_ID = Pattern.compile("\"conversation_id\": \"([^\"]+)\"");

	private static final Pattern REQUEST_ID = Pattern.compile("\"request_id\": \"([^\"]+)\"");

	private final String base;

	LiveStreams(int port) {
		this.base = "http://localhost:" + port;
	}

	/**
	 * A client's answer to a question, as the client shows it.
	 *
	 * @param view what the client shows
	 * @param body the bytes the service sent, as far as the client read
	 * @param stopStatus the status of the Stop request, 0 when none was sent
	 */
	record Answer(ClientView view, String body, int stopStatus) {

		String conversationId() {
			return find(CONVERSATION_ID);
		}

		String requestId() {
			return find(REQUEST_ID);
		}

		private String find(Pattern pattern) {
			Matcher matcher = pattern.matcher(this.body);
			return matcher.find() ? matcher.group(1) : "";
		}

	}

	Answer ask(StreamClient client, String query) throws Exception {
		return ask(client, query, false);
	}

	/**
	 * Asks, and presses Stop once two tokens have arrived, if the stream gave a
	 * {@code request_id} (the Stop button sends the one {@code start} gave).
	 */
	Answer askAndStop(StreamClient client, String query) throws Exception {
		return ask(client, query, true);
	}

	private Answer ask(StreamClient client, String query, boolean stop) throws Exception {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		AtomicInteger stopStatus = new AtomicInteger();
		Consumer<byte[]> user = (chunk) -> {
			body.writeBytes(chunk);
			String sofar = body.toString(StandardCharsets.UTF_8);
			Matcher requestId = REQUEST_ID.matcher(sofar);
			if (stop && stopStatus.get() == 0 && sofar.contains("tok1 ") && requestId.find()) {
				stopStatus.set(stop(client, requestId.group(1)));
			}
		};
		NetworkChunks chunks = new NetworkChunks(user);
		// a connection of its own, as a browser tab's: the JDK client cuts a read where
		// its 16 KiB read buffer ends, wherever that falls in the bytes of a reused
		// connection, and the reference UI loses an event cut in two
		try (HttpClient http = HttpClient.newHttpClient()) {
			HttpResponse<Flow.Publisher<List<ByteBuffer>>> response = http.send(
					client.request(uri("/v1/streaming_query", client.userId()), query).build(),
					HttpResponse.BodyHandlers.ofPublisher());
			if (response.statusCode() != 200) {
				throw new AssertionError("status " + response.statusCode());
			}
			response.body().subscribe(chunks);
			ClientView view = client.read(chunks);
			return new Answer(view, body.toString(StandardCharsets.UTF_8), stopStatus.get());
		}
	}

	private int stop(StreamClient client, String requestId) {
		HttpRequest request = HttpRequest.newBuilder(uri("/v1/streaming_query/interrupt", client.userId()))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"request_id\":\"" + requestId + "\"}"))
			.build();
		try (HttpClient http = HttpClient.newHttpClient()) {
			return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private URI uri(String path, @Nullable String userId) {
		String query = (userId != null) ? "?user_id=" + URLEncoder.encode(userId, StandardCharsets.UTF_8) : "";
		return URI.create(this.base + path + query);
	}

}
