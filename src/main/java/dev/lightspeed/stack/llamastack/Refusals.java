package dev.lightspeed.stack.llamastack;

import java.util.function.Supplier;

import dev.lightspeed.stack.errors.ApiException;

import org.springframework.http.HttpStatus;

/**
 * Llama Stack refusing what a client sent (a chunking strategy it does not know, an
 * embedding model it does not have) is the client's to fix: a 400 naming Llama Stack's
 * reason. Its own failures stay 5xx.
 */
public final class Refusals {

	private Refusals() {
	}

	/**
	 * Runs a call, a 4xx from Llama Stack becoming a 400.
	 * @param what the {@code response} of the 400
	 * @param call the call
	 * @return its answer
	 */
	public static <T> T asBadRequest(String what, Supplier<T> call) {
		try {
			return call.get();
		}
		catch (LlamaStackApiException ex) {
			if (ex.upstreamStatus() >= 400 && ex.upstreamStatus() < 500) {
				throw ApiException.of(HttpStatus.BAD_REQUEST, what, "Llama Stack refused it: " + ex.getMessage());
			}
			throw ex;
		}
	}

}
