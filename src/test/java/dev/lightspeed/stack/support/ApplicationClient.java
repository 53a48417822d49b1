package dev.lightspeed.stack.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * Requests to the application that a {@code RANDOM_PORT} test started, as a client on the
 * network sends them.
 */
public final class ApplicationClient {

	private final HttpClient http;

	private final String base;

	private ApplicationClient(HttpClient http, String base) {
		this.http = http;
		this.base = base;
	}

	/**
	 * A client for {@code http://localhost:<port>}.
	 * @param port the application's port
	 * @return the client
	 */
	public static ApplicationClient http(int port) {
		return new ApplicationClient(HttpClient.newHttpClient(), "http://localhost:" + port);
	}

	/**
	 * A client for {@code https://localhost:<port>} using the given JDK client.
	 * @param port the application's port
	 * @param http a client trusting the application's certificate
	 * @return the client
	 */
	public static ApplicationClient https(int port, HttpClient http) {
		return new ApplicationClient(http, "https://localhost:" + port);
	}

	/**
	 * A request builder for a path of the application.
	 * @param path the path, with any query string
	 * @return the builder
	 */
	public HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.base + path));
	}

	/**
	 * Sends a request without a body.
	 * @param method the method
	 * @param path the path
	 * @return the response
	 */
	public HttpResponse<String> send(String method, String path) {
		return send(request(path).method(method, HttpRequest.BodyPublishers.noBody()));
	}

	/**
	 * Sends a request with a JSON body.
	 * @param method the method
	 * @param path the path
	 * @param json the body
	 * @return the response
	 */
	public HttpResponse<String> send(String method, String path, String json) {
		return send(request(path).header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(json)));
	}

	/**
	 * Sends a request with a JSON body, if any, and more headers.
	 * @param method the method
	 * @param path the path
	 * @param json the body, empty for none
	 * @param headers the headers
	 * @return the response
	 */
	public HttpResponse<String> send(String method, String path, String json, Map<String, String> headers) {
		HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
			.method(method,
					json.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		headers.forEach(request::header);
		return send(request);
	}

	/**
	 * Sends a request.
	 * @param request the request
	 * @return the response, its body as text
	 */
	public HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
