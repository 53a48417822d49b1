package dev.lightspeed.stack.datacollector;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Posts an archive to the ingress server the way the dataverse exporter does: a
 * {@code multipart/form-data} body whose part {@code file} carries the archive with the
 * content type {@code application/vnd.redhat.<service>.periodic+tar}, and the token as a
 * bearer credential. Only {@code 202 Accepted} is a success. Redirects are not followed:
 * the token must not travel to another host.
 */
final class IngressClient implements AutoCloseable {

	static final String FILE_NAME = "lightspeed-assistant.tgz";

	static final String USER_AGENT = "lightspeed-stack/user-data-collection";

	private final HttpClient http;

	private final URI url;

	private final @Nullable String token;

	private final String contentType;

	private final Duration timeout;

	IngressClient(URI url, @Nullable String token, String serviceName, Duration timeout) {
		this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
		this.url = url;
		this.token = token;
		this.contentType = "application/vnd.redhat." + serviceName + ".periodic+tar";
		this.timeout = timeout;
	}

	/**
	 * Uploads one archive.
	 * @param archive the gzip tar
	 * @return the ingress server's answer
	 * @throws IOException when the server cannot be reached or does not answer in time
	 * @throws InterruptedException when the collector is being stopped
	 */
	Answer upload(byte[] archive) throws IOException, InterruptedException {
		String boundary = "lightspeed-" + UUID.randomUUID();
		HttpRequest.Builder request = HttpRequest.newBuilder(this.url)
			.timeout(this.timeout)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("User-Agent", USER_AGENT)
			.POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, archive)));
		if (this.token != null) {
			request.header("Authorization", "Bearer " + this.token);
		}
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		return new Answer(response.statusCode(), response.body());
	}

	private byte[] multipart(String boundary, byte[] archive) {
		ByteArrayOutputStream body = new ByteArrayOutputStream(archive.length + 512);
		body.writeBytes(("--" + boundary + "\r\n" + "Content-Disposition: form-data; name=\"file\"; filename=\""
				+ FILE_NAME + "\"\r\n" + "Content-Type: " + this.contentType + "\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(archive);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return body.toByteArray();
	}

	/**
	 * Where uploads go, without user info or query (either may carry a secret), for logs.
	 * @return the printable target
	 */
	String target() {
		return this.url.getScheme() + "://" + this.url.getHost()
				+ ((this.url.getPort() >= 0) ? ":" + this.url.getPort() : "")
				+ ((this.url.getRawPath() != null) ? this.url.getRawPath() : "");
	}

	@Override
	public void close() {
		this.http.close();
	}

	/**
	 * The ingress server's answer.
	 *
	 * @param status HTTP status
	 * @param body the body, for the log
	 */
	record Answer(int status, String body) {

		boolean accepted() {
			return this.status == 202;
		}

	}

}
