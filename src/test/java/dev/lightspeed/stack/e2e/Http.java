package dev.lightspeed.stack.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for the e2e suite: what a script or a chat front end would send.
 */
final class Http {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	Http(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(uri(path)).GET(), Map.of());
	}

	HttpResponse<String> put(String path, String body) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(body)), Map.of());
	}

	HttpResponse<String> delete(String path) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(uri(path)).DELETE(), Map.of());
	}

	HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
		return post(path, body, Map.of());
	}

	HttpResponse<String> post(String path, String body, Map<String, String> headers)
			throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)), headers);
	}

	/**
	 * Uploads a text file as an OpenAI-style {@code multipart/form-data} form with a
	 * {@code purpose} field, as {@code POST /v1/files} takes it.
	 */
	HttpResponse<String> postFile(String path, String purpose, String filename, String content)
			throws IOException, InterruptedException {
		String boundary = "e2e-" + UUID.randomUUID();
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\n" + purpose
				+ "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: text/plain\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofString(body)), Map.of());
	}

	/**
	 * Posts and hands the body over as it arrives, as a streaming client reads it.
	 */
	HttpResponse<InputStream> postStreaming(String path, String body) throws IOException, InterruptedException {
		return postStreaming(path, body, Map.of());
	}

	HttpResponse<InputStream> postStreaming(String path, String body, Map<String, String> headers)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.timeout(Duration.ofSeconds(120));
		headers.forEach(request::header);
		return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
	}

	static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	private HttpResponse<String> send(HttpRequest.Builder request, Map<String, String> headers)
			throws IOException, InterruptedException {
		headers.forEach(request::header);
		return CLIENT.send(request.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create(this.baseUrl + path);
	}

}
