package dev.lightspeed.stack.llamastack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Posts a request whose answer is a server-sent event stream and hands the body over as a
 * {@link TurnStream}, read on the caller's virtual thread ({@link BlockingHttpClient});
 * {@code RestClient} has no SSE reader. A stream is never retried.
 */
class EventStreamClient {

	private final BlockingHttpClient httpClient;

	private final String baseUrl;

	private final @Nullable String apiKey;

	private final JsonMapper json;

	EventStreamClient(BlockingHttpClient httpClient, String baseUrl, @Nullable String apiKey, JsonMapper json) {
		this.httpClient = httpClient;
		this.baseUrl = baseUrl;
		this.apiKey = apiKey;
		this.json = json;
	}

	/**
	 * Starts the stream.
	 * @param pathTemplate path below the base URL, with {@code {}} variables
	 * @param pathVariables values for the variables, encoded here
	 * @param body the JSON body
	 * @param headers extra headers
	 * @param events maps one event's {@code data:}, UTF-8 JSON, to turn events
	 * @return the open stream
	 */
	TurnStream post(String pathTemplate, List<String> pathVariables, Object body, Map<String, String> headers,
			Function<byte[], List<TurnEvent>> events) {
		URI uri = UriComponentsBuilder.fromUriString(this.baseUrl)
			.path(pathTemplate)
			// variables are encoded strictly: an id cannot add path segments
			.encode()
			.buildAndExpand(pathVariables.toArray())
			.toUri();
		Map<String, String> requestHeaders = new LinkedHashMap<>();
		requestHeaders.put("Content-Type", "application/json");
		requestHeaders.put("Accept", "text/event-stream");
		if (this.apiKey != null) {
			requestHeaders.put("Authorization", "Bearer " + this.apiKey);
		}
		requestHeaders.putAll(headers);
		BlockingHttpClient.Response response;
		try {
			response = this.httpClient.post(
					uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : ""), requestHeaders,
					this.json.writeValueAsBytes(body));
		}
		catch (IOException ex) {
			throw UpstreamErrors.unavailable(ex);
		}
		if (response.status() >= 400) {
			throw failure(response);
		}
		return new SseTurnStream(response.body(), events);
	}

	private static RuntimeException failure(BlockingHttpClient.Response response) {
		try (InputStream body = response.body()) {
			return UpstreamErrors.apiError(response.status(), body.readAllBytes());
		}
		catch (IOException ex) {
			return UpstreamErrors.unavailable(ex);
		}
	}

}
