package dev.lightspeed.stack.clients;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;

import org.jspecify.annotations.Nullable;

/**
 * A real client of {@code POST /v1/streaming_query}, as its description in
 * {@code real-clients.md} tells it: the request it sends and how it reads the answer.
 */
interface StreamClient {

	/**
	 * The user the client names in {@code ?user_id=} (noop authentication), null when it
	 * names none.
	 */
	@Nullable String userId();

	/**
	 * The body it posts for a new conversation.
	 * @param query the question
	 * @return the JSON body
	 */
	String body(String query);

	/**
	 * The request it sends.
	 * @param uri the endpoint, with the user's query string
	 * @param query the question
	 * @return the request
	 */
	default HttpRequest.Builder request(URI uri, String query) {
		return HttpRequest.newBuilder(uri)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body(query)));
	}

	/**
	 * Reads a streamed answer to its end, or as far as the client reads.
	 * @param body the response body as the client receives it
	 * @return what the client shows
	 * @throws IOException when the connection fails
	 */
	ClientView read(NetworkChunks body) throws IOException;

}
