package dev.lightspeed.stack.vectorstores;

import dev.lightspeed.stack.errors.ApiException;
import dev.lightspeed.stack.llamastack.LlamaStackApiException;
import dev.lightspeed.stack.llamastack.LlamaStackBackend;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/vector-stores} (LCS 0.5.1): the RHDH plugin 2.x lists the stores before
 * every chat and fails the chat on any error, so an empty list is an answer, never an
 * error. The stores come from Llama Stack, through the catalogue cache.
 */
@RestController
class VectorStoresController {

	private final LlamaStackBackend llamaStack;

	VectorStoresController(LlamaStackBackend llamaStack) {
		this.llamaStack = llamaStack;
	}

	@GetMapping("/v1/vector-stores")
	VectorStoresListResponse list() {
		try {
			return new VectorStoresListResponse(this.llamaStack.vectorStores());
		}
		catch (LlamaStackApiException ex) {
			throw ApiException.of(HttpStatus.INTERNAL_SERVER_ERROR, "Unable to retrieve list of vector stores",
					String.valueOf(ex.getMessage()));
		}
	}

}
