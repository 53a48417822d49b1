package dev.lightspeed.stack.support;

import java.util.function.Consumer;

import dev.lightspeed.stack.llamastack.LlamaStackApiException;
import dev.lightspeed.stack.llamastack.LlamaStackUnavailableException;

import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Llama Stack failing, and the answers LCS 0.2.0 gives for it.
 */
public final class LlamaStackFailures {

	/** The 503 body of every endpoint when Llama Stack cannot be reached. */
	public static final String UNAVAILABLE = "{\"detail\":{\"response\":\"Unable to connect to Llama Stack\","
			+ "\"cause\":\"Connection error.\"}}";

	private LlamaStackFailures() {
	}

	/**
	 * What the client raises when Llama Stack cannot be reached.
	 * @return the exception
	 */
	public static LlamaStackUnavailableException connectionError() {
		return new LlamaStackUnavailableException(LlamaStackUnavailableException.CONNECTION_ERROR);
	}

	/**
	 * Checks a {@code GET} endpoint that lists something from Llama Stack: an unreachable
	 * Llama Stack is a 503, an error answer a 500 "Unable to retrieve list of ...".
	 * @param mvc the slice
	 * @param uri the endpoint
	 * @param what what it lists, as the message names it ({@code models})
	 * @param failWith makes the backend call throw the exception it is given
	 */
	public static void assertListingFailures(MockMvcTester mvc, String uri, String what,
			Consumer<RuntimeException> failWith) {
		failWith.accept(connectionError());
		assertThat(mvc.get().uri(uri)).hasStatus(503).bodyJson().isStrictlyEqualTo(UNAVAILABLE);
		failWith.accept(new LlamaStackApiException(500, "internal"));
		assertThat(mvc.get().uri(uri)).hasStatus(500)
			.bodyJson()
			.isStrictlyEqualTo("{\"detail\":{\"response\":\"Unable to retrieve list of " + what
					+ "\",\"cause\":\"Error code: 500 - internal\"}}");
	}

}
