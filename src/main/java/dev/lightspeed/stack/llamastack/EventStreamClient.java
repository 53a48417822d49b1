package dev.lightspeed.stack.llamastack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Posts a request whose answer is a server-sent event stream and hands the body over as a
 * {@link TurnStream}. Uses the JDK client directly (sharing the connection pool of the
 * {@code RestClient}) because {@code RestClient} has no SSE reader; a stream is never
 * retried.
 */
class EventStreamClient {

	private final HttpClient httpClient;

	private final String baseUrl;

	private final @Nullable String apiKey;

	private final Duration firstByteTimeout;

	private final JsonMapper json;

	EventStreamClient(HttpClient httpClient, String baseUrl, @Nullable String apiKey, Duration firstByteTimeout,
			JsonMapper json) {
		this.httpClient = httpClient;
		this.baseUrl = baseUrl;
		this.apiKey = apiKey;
		this.firstByteTimeout = firstByteTimeout;
		this.json = json;
	}

	/**
	 * Starts the stream.
	 * @param pathTemplate path below the base URL, with {@code {}} variables
	 * @param pathVariables values for the variables, encoded here
	 * @param body the JSON body
	 * @param headers extra headers
	 * @param events maps one {@code data:} JSON value to turn events
	 * @return the open stream
	 */
	TurnStream post(String pathTemplate, List<String> pathVariables, Object body, Map<String, String> headers,
			Function<JsonNode, List<TurnEvent>> events) {
		URI uri = UriComponentsBuilder.fromUriString(this.baseUrl)
			.path(pathTemplate)
			// variables are encoded strictly: an id cannot add path segments
			.encode()
			.buildAndExpand(pathVariables.toArray())
			.toUri();
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			// bounds the wait for the status line; the body may take as long as the turn
			// does
			.timeout(this.firstByteTimeout)
			.header("Content-Type", "application/json")
			.header("Accept", "text/event-stream")
			.POST(HttpRequest.BodyPublishers.ofByteArray(this.json.writeValueAsBytes(body)));
		if (this.apiKey != null) {
			request.header("Authorization", "Bearer " + this.apiKey);
		}
		headers.forEach(request::header);
		HttpResponse<InputStream> response = send(request.build());
		if (response.statusCode() >= 400) {
			throw failure(response);
		}
		return new SseTurnStream(response.body(), (data) -> events.apply(this.json.readTree(data)));
	}

	private HttpResponse<InputStream> send(HttpRequest request) {
		try {
			return this.httpClient.send(request, BodyHandlers.ofInputStream());
		}
		catch (IOException ex) {
			throw UpstreamErrors.unavailable(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LlamaStackUnavailableException(LlamaStackUnavailableException.CONNECTION_ERROR);
		}
	}

	private static RuntimeException failure(HttpResponse<InputStream> response) {
		try (InputStream body = response.body()) {
			return UpstreamErrors.apiError(response.statusCode(), body.readAllBytes());
		}
		catch (IOException ex) {
			return UpstreamErrors.unavailable(ex);
		}
	}

}
