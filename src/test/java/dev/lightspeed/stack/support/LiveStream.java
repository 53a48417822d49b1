package dev.lightspeed.stack.support;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code /v1/streaming_query} answer read event by event while it is being streamed,
 * for tests that act on a stream mid-way (stop it, stop the service).
 */
public final class LiveStream {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Iterator<String> lines;

	private LiveStream(Iterator<String> lines) {
		this.lines = lines;
	}

	/**
	 * Asks a question and returns once the response's headers are in.
	 * @param app the application
	 * @param userId the {@code user_id} the request names
	 * @param body the request
	 * @return the stream, its events still to read
	 * @throws IOException when the request fails
	 * @throws InterruptedException when interrupted
	 */
	public static LiveStream open(ApplicationClient app, String userId, String body)
			throws IOException, InterruptedException {
		HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
			.send(app.request("/v1/streaming_query?user_id=" + userId)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofLines());
		assertThat(response.statusCode()).isEqualTo(200);
		return new LiveStream(response.body().iterator());
	}

	/**
	 * Waits for the next event.
	 * @return the event's JSON
	 */
	public JsonNode next() {
		while (this.lines.hasNext()) {
			String line = this.lines.next();
			if (line.startsWith("data: ")) {
				return JSON.readTree(line.substring(6));
			}
		}
		throw new AssertionError("the stream ended early");
	}

	/**
	 * Reads the stream to its end.
	 * @return the events left
	 */
	public List<JsonNode> rest() {
		List<JsonNode> events = new ArrayList<>();
		while (this.lines.hasNext()) {
			String line = this.lines.next();
			if (line.startsWith("data: ")) {
				events.add(JSON.readTree(line.substring(6)));
			}
		}
		return events;
	}

}
