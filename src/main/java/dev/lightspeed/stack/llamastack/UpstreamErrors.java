package dev.lightspeed.stack.llamastack;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.client.RestClientException;

/**
 * Turns what goes wrong talking to Llama Stack into the two exceptions callers handle:
 * {@link LlamaStackUnavailableException} for connection failures and
 * {@link LlamaStackApiException} for error statuses.
 */
final class UpstreamErrors {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private UpstreamErrors() {
	}

	/**
	 * The error text of a Llama Stack error body. Its shape varies by route and version,
	 * so look in order at {@code detail}, {@code error.message} and {@code error.detail}.
	 */
	static LlamaStackApiException apiError(int status, byte[] body) {
		String text = new String(body, StandardCharsets.UTF_8).strip();
		return new LlamaStackApiException(status, message(text, status));
	}

	private static String message(String text, int status) {
		try {
			JsonNode root = JSON.readTree(text);
			if (root != null && root.isObject()) {
				for (JsonNode candidate : new JsonNode[] { root.path("detail"), root.path("error").path("message"),
						root.path("error").path("detail") }) {
					if (candidate.isString()) {
						return candidate.stringValue();
					}
					if (candidate.isContainer()) {
						return candidate.toString();
					}
				}
			}
		}
		catch (JacksonException ex) {
			// not JSON: the text itself is the best message there is
		}
		return text.isEmpty() ? "HTTP " + status : text;
	}

	/**
	 * The exception for a failure to talk to Llama Stack at all.
	 */
	static LlamaStackUnavailableException unavailable(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof HttpTimeoutException || cause instanceof InterruptedIOException) {
				// SocketTimeoutException is an InterruptedIOException too
				return new LlamaStackUnavailableException(LlamaStackUnavailableException.TIMEOUT);
			}
		}
		return new LlamaStackUnavailableException(LlamaStackUnavailableException.CONNECTION_ERROR);
	}

	/**
	 * Wraps an HTTP service client so that I/O failures surface as
	 * {@link LlamaStackUnavailableException}. {@code RestClient} reports them as
	 * {@code ResourceAccessException} when sending and as a plain
	 * {@code RestClientException} when the body breaks off, so look for the I/O cause.
	 */
	@SuppressWarnings("unchecked")
	static <T> T translating(Class<T> type, T target) {
		return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (proxy, method, args) -> {
			if (method.getDeclaringClass() == Object.class) {
				return method.invoke(target, args);
			}
			try {
				return method.invoke(target, args);
			}
			catch (InvocationTargetException ex) {
				Throwable failure = ex.getCause();
				if (failure instanceof RestClientException && hasIoCause(failure)) {
					throw unavailable(failure);
				}
				throw failure;
			}
		});
	}

	private static boolean hasIoCause(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof IOException) {
				return true;
			}
		}
		return false;
	}

}
