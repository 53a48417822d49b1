package dev.lightspeed.stack.llamastack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.hc.client5.http.classic.methods.HttpDelete;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpPut;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Every call to Llama Stack, for both API generations, through one pooled Apache
 * HttpClient 5 (classic I/O, read on the caller's virtual thread). Plain calls answer
 * JSON; {@link #openStream} hands over a server-sent event body that can be abandoned
 * mid-way. What goes wrong leaves here translated ({@link UpstreamErrors}): an error
 * status as {@link LlamaStackApiException}, everything else as a
 * {@link LlamaStackUnavailableException} that names its cause. JSON request bodies are
 * sent whole, with {@code Content-Length}; an uploaded file is streamed, chunked.
 */
class LlamaStackHttp {

	// an error body is read for its message only
	private static final int MAX_ERROR_BODY = 64 * 1024;

	private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

	private final CloseableHttpClient client;

	private final String baseUrl;

	private final @Nullable String apiKey;

	private final JsonMapper json;

	LlamaStackHttp(CloseableHttpClient client, String baseUrl, @Nullable String apiKey, JsonMapper json) {
		this.client = client;
		this.baseUrl = baseUrl;
		this.apiKey = apiKey;
		this.json = json;
	}

	String baseUrl() {
		return this.baseUrl;
	}

	/**
	 * {@code GET}, the answer read as a type.
	 * @param path path below the base URL, with {@code {}} variables and an optional
	 * query
	 * @param type what to read the JSON as
	 * @param variables values for the variables, encoded here
	 * @return the answer
	 */
	<T> T get(String path, Class<T> type, Object... variables) {
		return call(new HttpGet(uri(path, variables)), this.json.constructType(type));
	}

	/**
	 * {@code GET} with extra headers, the answer read as JSON.
	 */
	JsonNode get(String path, Map<String, String> headers, Object... variables) {
		HttpGet get = new HttpGet(uri(path, variables));
		headers.forEach(get::setHeader);
		return call(get, this.json.constructType(JsonNode.class));
	}

	/**
	 * {@code PUT} of a JSON body, the answer read as JSON.
	 */
	JsonNode put(String path, Object body, Object... variables) {
		HttpPut put = new HttpPut(uri(path, variables));
		put.setEntity(jsonEntity(body));
		return call(put, this.json.constructType(JsonNode.class));
	}

	/**
	 * {@code GET}, the answer read as a generic type.
	 */
	<T> T get(String path, TypeReference<T> type, Object... variables) {
		return call(new HttpGet(uri(path, variables)), this.json.getTypeFactory().constructType(type));
	}

	/**
	 * {@code POST} of a JSON body, the answer read as a type.
	 */
	<T> T post(String path, Object body, Class<T> type, Object... variables) {
		return post(path, body, Map.of(), type, variables);
	}

	/**
	 * {@code POST} of a JSON body with extra headers, the answer read as a type.
	 */
	<T> T post(String path, Object body, Map<String, String> headers, Class<T> type, Object... variables) {
		HttpPost post = new HttpPost(uri(path, variables));
		post.setEntity(jsonEntity(body));
		headers.forEach(post::setHeader);
		return call(post, this.json.constructType(type));
	}

	/**
	 * {@code DELETE}; the answer's body, if any, is read as JSON.
	 */
	JsonNode delete(String path, Object... variables) {
		return call(new HttpDelete(uri(path, variables)), this.json.constructType(JsonNode.class));
	}

	/**
	 * {@code POST} of a file as {@code multipart/form-data} ({@code purpose} first, then
	 * {@code file}), read from its stream while it is sent; the answer read as JSON.
	 * @throws UploadAbortedException when the file's stream failed, which abandons the
	 * request
	 */
	JsonNode upload(String path, FileUpload file) {
		HttpPost post = new HttpPost(uri(path));
		UploadSource source = new UploadSource(file.content(), post::cancel);
		post.setEntity(MultipartEntityBuilder.create()
			.addTextBody("purpose", "assistants")
			.addBinaryBody("file", source, contentType(file.contentType()), file.filename())
			.build());
		try {
			return call(post, this.json.constructType(JsonNode.class));
		}
		catch (LlamaStackUnavailableException ex) {
			IOException failure = source.failure();
			if (failure != null) {
				throw new UploadAbortedException(failure);
			}
			throw ex;
		}
	}

	private static ContentType contentType(String value) {
		try {
			return ContentType.parse(value);
		}
		catch (RuntimeException ex) {
			return ContentType.APPLICATION_OCTET_STREAM;
		}
	}

	/**
	 * {@code POST} whose answer is a server-sent event stream. The caller owns the
	 * stream: {@link EventStream#close()} before its end abandons the exchange (the
	 * connection is dropped, which tells Llama Stack the client left).
	 */
	EventStream openStream(String path, Object body, Map<String, String> headers, Object... variables) {
		HttpPost post = new HttpPost(uri(path, variables));
		post.setEntity(jsonEntity(body));
		post.setHeader(HttpHeaders.ACCEPT, "text/event-stream");
		headers.forEach(post::setHeader);
		authorize(post);
		ClassicHttpResponse response;
		try {
			response = this.client.executeOpen(null, post, null);
		}
		catch (IOException ex) {
			throw UpstreamErrors.unavailable(ex);
		}
		if (response.getCode() >= 400) {
			try (response) {
				throw UpstreamErrors.apiError(response.getCode(), errorBody(response.getEntity()));
			}
			catch (IOException ex) {
				throw UpstreamErrors.unavailable(ex);
			}
		}
		try {
			HttpEntity entity = response.getEntity();
			InputStream content = (entity != null) ? entity.getContent() : InputStream.nullInputStream();
			return new EventStream(post, response, content);
		}
		catch (IOException ex) {
			post.cancel();
			throw UpstreamErrors.unavailable(ex);
		}
	}

	private <T> T call(HttpUriRequestBase request, JavaType type) {
		authorize(request);
		try {
			return this.client.execute(request, (response) -> {
				HttpEntity entity = response.getEntity();
				if (response.getCode() >= 400) {
					throw UpstreamErrors.apiError(response.getCode(), errorBody(entity));
				}
				byte[] bytes = (entity != null) ? entity.getContent().readAllBytes() : new byte[0];
				return read(bytes, type);
			});
		}
		catch (IOException ex) {
			throw UpstreamErrors.unavailable(ex);
		}
	}

	private <T> T read(byte[] bytes, JavaType type) {
		try {
			return this.json.readValue((bytes.length > 0) ? bytes : NULL, type);
		}
		catch (JacksonException ex) {
			throw UpstreamErrors.invalidReply("the answer is not the JSON expected: " + ex.getOriginalMessage());
		}
	}

	private static byte[] errorBody(@Nullable HttpEntity entity) throws IOException {
		if (entity == null) {
			return new byte[0];
		}
		try (InputStream content = entity.getContent()) {
			return content.readNBytes(MAX_ERROR_BODY);
		}
	}

	private HttpEntity jsonEntity(Object body) {
		return new ByteArrayEntity(this.json.writeValueAsBytes(body), ContentType.APPLICATION_JSON);
	}

	private void authorize(HttpUriRequestBase request) {
		if (this.apiKey != null) {
			request.setHeader(HttpHeaders.AUTHORIZATION, "Bearer " + this.apiKey);
		}
	}

	private URI uri(String path, Object... variables) {
		// variables are encoded strictly: an id cannot add path segments or a query
		return UriComponentsBuilder.fromUriString(this.baseUrl + path).encode().buildAndExpand(variables).toUri();
	}

}
