package dev.lightspeed.stack.datacollector;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts a batch to the ingress server the way the dataverse exporter does: a
 * {@code multipart/form-data} body whose part {@code file} carries the archive with the
 * content type {@code application/vnd.redhat.<service>.periodic+tar}, and the token as a
 * bearer credential. The batch id is in the part's file name and in the header
 * {@value #BATCH_ID_HEADER}. Redirects are not followed: the token must not travel to
 * another host.
 * <p>
 * One deadline bounds the whole exchange (connecting, sending, the status line and the
 * body): the JDK client's own request timeout stops at the response headers.
 */
final class IngressClient implements AutoCloseable {

	static final String USER_AGENT = "lightspeed-stack/user-data-collection";

	static final String BATCH_ID_HEADER = "X-Lightspeed-Batch-Id";

	private final HttpClient http;

	private final URI url;

	private final @Nullable String token;

	private final String contentType;

	IngressClient(URI url, @Nullable String token, String serviceName, Duration connectTimeout) {
		this.http = HttpClient.newBuilder()
			.connectTimeout(connectTimeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.url = url;
		this.token = token;
		this.contentType = "application/vnd.redhat." + serviceName + ".periodic+tar";
	}

	/**
	 * Uploads one batch.
	 * @param batch the batch
	 * @param deadline how long the whole exchange may take
	 * @return the ingress server's answer; its body is {@code null} when the status came
	 * in time and the body did not
	 * @throws UploadFailure when the server cannot be reached or does not answer in time
	 * @throws InterruptedException when the collector is being stopped
	 */
	Answer upload(Batch batch, Duration deadline) throws UploadFailure, InterruptedException {
		String boundary = "lightspeed-" + UUID.randomUUID();
		HttpRequest.Builder request = HttpRequest.newBuilder(this.url)
			.timeout(deadline)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("User-Agent", USER_AGENT)
			.header(BATCH_ID_HEADER, batch.id())
			.POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, batch)));
		if (this.token != null) {
			request.header("Authorization", "Bearer " + this.token);
		}
		AtomicInteger status = new AtomicInteger();
		CompletableFuture<HttpResponse<String>> exchange = this.http.sendAsync(request.build(), (response) -> {
			status.set(response.statusCode());
			return HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);
		});
		try {
			HttpResponse<String> response = exchange.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
			return new Answer(response.statusCode(), response.body());
		}
		catch (TimeoutException ex) {
			if (status.get() != 0) {
				return new Answer(status.get(), null);
			}
			throw new UploadFailure("no answer within " + UploadFailure.duration(deadline));
		}
		catch (ExecutionException ex) {
			throw UploadFailure.of((ex.getCause() != null) ? ex.getCause() : ex, this.url, deadline);
		}
		finally {
			// ends an exchange still running (a stalled body, an interrupted wait)
			exchange.cancel(true);
		}
	}

	private byte[] multipart(String boundary, Batch batch) {
		ByteArrayOutputStream body = new ByteArrayOutputStream(batch.archive().length + 512);
		body.writeBytes(("--" + boundary + "\r\n" + "Content-Disposition: form-data; name=\"file\"; filename=\""
				+ batch.fileName() + "\"\r\n" + "Content-Type: " + this.contentType + "\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(batch.archive());
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
		// not close(), which waits for exchanges still running
		this.http.shutdownNow();
	}

	/**
	 * The ingress server's answer.
	 *
	 * @param status HTTP status
	 * @param body the body, or {@code null} when it did not arrive in time
	 */
	record Answer(int status, @Nullable String body) {

		private static final JsonMapper JSON = JsonMapper.builder().build();

		// what an ingress request id looks like (a UUID or hex), so that a log line stays
		// one line
		private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

		/**
		 * Only {@code 202 Accepted} is a success: the ingress server has stored the
		 * payload when it sends that status, whether or not the body follows.
		 * @return whether the batch was delivered
		 */
		boolean accepted() {
			return this.status == 202;
		}

		@Nullable String requestId() {
			try {
				JsonNode id = (this.body != null) ? JSON.readTree(this.body).path("request_id") : null;
				return (id != null && id.isString() && REQUEST_ID.matcher(id.asString()).matches()) ? id.asString()
						: null;
			}
			catch (JacksonException ex) {
				return null;
			}
		}

		/**
		 * The start of the body, on one line, for a log.
		 * @return the excerpt
		 */
		String excerpt() {
			if (this.body == null) {
				return "(no body in time)";
			}
			String line = this.body.replaceAll("\\s+", " ").strip();
			return (line.length() > 200) ? line.substring(0, 200) + "..." : line;
		}

	}

}
