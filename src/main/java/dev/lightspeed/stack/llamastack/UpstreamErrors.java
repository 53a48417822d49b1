package dev.lightspeed.stack.llamastack;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.MalformedChunkCodingException;
import org.apache.hc.core5.http.NoHttpResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;

/**
 * Turns what goes wrong talking to Llama Stack into the exceptions callers handle:
 * {@link LlamaStackApiException} for error statuses,
 * {@link LlamaStackUnavailableException} for the rest, each naming its cause rightly: a
 * refused or reset connection is 503 ("Unable to connect"), a read timeout 504, a reply
 * that is not HTTP or not complete 502.
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

	static String message(String text, int status) {
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
	 * Runs a call, treating Llama Stack's "not found" answers as empty: 0.2.x and 0.5
	 * answer 400 "… not found" for unknown agents, sessions and vector stores, later
	 * versions 404.
	 */
	static <T> Optional<T> ifKnown(Supplier<T> call) {
		try {
			return Optional.ofNullable(call.get());
		}
		catch (LlamaStackApiException ex) {
			if (ex.isNotFound()) {
				return Optional.empty();
			}
			throw ex;
		}
	}

	/**
	 * Runs a call whose answer does not matter (a delete).
	 * @return false when Llama Stack said the thing does not exist
	 */
	static boolean deleted(Runnable call) {
		return ifKnown(() -> {
			call.run();
			return Boolean.TRUE;
		}).isPresent();
	}

	/**
	 * The exception for an I/O failure of a call.
	 */
	static LlamaStackUnavailableException unavailable(IOException failure) {
		if (failure instanceof ConnectTimeoutException || failure instanceof ConnectException
				|| failure instanceof UnknownHostException || failure instanceof NoRouteToHostException) {
			return new LlamaStackUnavailableException(HttpStatus.SERVICE_UNAVAILABLE,
					LlamaStackUnavailableException.UNABLE_TO_CONNECT, LlamaStackUnavailableException.CONNECTION_ERROR,
					failure);
		}
		if (failure instanceof SocketTimeoutException || failure instanceof InterruptedIOException) {
			return new LlamaStackUnavailableException(HttpStatus.GATEWAY_TIMEOUT, "Llama Stack did not answer in time",
					LlamaStackUnavailableException.TIMEOUT, failure);
		}
		if (failure instanceof ClientProtocolException || failure instanceof MalformedChunkCodingException
				|| failure instanceof NoHttpResponseException || failure instanceof ConnectionClosedException) {
			return new LlamaStackUnavailableException(HttpStatus.BAD_GATEWAY, "Invalid reply from Llama Stack",
					"Llama Stack's reply broke off or was not valid HTTP", failure);
		}
		// reset, broken pipe and the like: the connection is gone
		return new LlamaStackUnavailableException(HttpStatus.SERVICE_UNAVAILABLE,
				LlamaStackUnavailableException.UNABLE_TO_CONNECT, LlamaStackUnavailableException.CONNECTION_ERROR,
				failure);
	}

	/**
	 * The exception for an answer that is HTTP but not what the API promises.
	 */
	static LlamaStackUnavailableException invalidReply(String what) {
		return new LlamaStackUnavailableException(HttpStatus.BAD_GATEWAY, "Invalid reply from Llama Stack", what, null);
	}

}
