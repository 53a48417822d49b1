package dev.lightspeed.stack.vectorstores;

import dev.lightspeed.stack.auth.AuthenticatedUser;
import dev.lightspeed.stack.errors.ApiException;
import dev.lightspeed.stack.llamastack.LlamaStackApiException;
import dev.lightspeed.stack.llamastack.LlamaStackKnowledge;
import dev.lightspeed.stack.llamastack.Refusals;
import dev.lightspeed.stack.llamastack.VectorStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/vector-stores} (LCS 0.5.1): a store created here belongs to its creator;
 * what a user may see and change is {@link VectorStoreAccess}'s rule. The RHDH plugin 2.x
 * lists the stores before every chat and fails the chat on any error, so an empty list is
 * an answer, never an error. Authorization hooks (LCS actions): the listing and GET are
 * {@code READ_VECTOR_STORES}, the rest {@code MANAGE_VECTOR_STORES}.
 */
@RestController
class VectorStoresController {

	private static final Logger logger = LoggerFactory.getLogger(VectorStoresController.class);

	private final VectorStoreAccess access;

	private final LlamaStackKnowledge knowledge;

	private final KnowledgeOwners owners;

	VectorStoresController(VectorStoreAccess access, LlamaStackKnowledge knowledge, KnowledgeOwners owners) {
		this.access = access;
		this.knowledge = knowledge;
		this.owners = owners;
	}

	@GetMapping("/v1/vector-stores")
	VectorStoresListResponse list(@AuthenticationPrincipal AuthenticatedUser user) {
		try {
			return new VectorStoresListResponse(this.access.listed(user));
		}
		catch (LlamaStackApiException ex) {
			throw ApiException.of(HttpStatus.INTERNAL_SERVER_ERROR, "Unable to retrieve list of vector stores",
					String.valueOf(ex.getMessage()));
		}
	}

	@PostMapping("/v1/vector-stores")
	VectorStore create(@AuthenticationPrincipal AuthenticatedUser user, @RequestBody VectorStoreCreateRequest request) {
		VectorStore store = Refusals.asBadRequest("Unable to create the vector store",
				() -> this.knowledge.createVectorStore(request.body()));
		try {
			this.owners.record(KnowledgeOwners.Kind.VECTOR_STORE, store.id(), user.userId());
		}
		catch (RuntimeException ex) {
			// a store nobody owns would be everybody's: it goes
			logger.error("Recording the owner of vector store {} failed; deleting it", store.id(), ex);
			this.knowledge.deleteVectorStore(store.id());
			throw ApiException.of(HttpStatus.INTERNAL_SERVER_ERROR, "Unable to create the vector store",
					"Its owner could not be recorded");
		}
		return store;
	}

	@GetMapping("/v1/vector-stores/{vector_store_id}")
	VectorStore get(@AuthenticationPrincipal AuthenticatedUser user,
			@PathVariable("vector_store_id") String vectorStoreId) {
		return this.access.readable(user, vectorStoreId);
	}

	@PutMapping("/v1/vector-stores/{vector_store_id}")
	VectorStore update(@AuthenticationPrincipal AuthenticatedUser user,
			@PathVariable("vector_store_id") String vectorStoreId, @RequestBody VectorStoreUpdateRequest request) {
		this.access.requireOwned(user, vectorStoreId);
		return Refusals
			.asBadRequest("Unable to update the vector store",
					() -> this.knowledge.updateVectorStore(vectorStoreId, request.body()))
			.orElseThrow(() -> VectorStoreAccess.notFound(vectorStoreId));
	}

	@DeleteMapping("/v1/vector-stores/{vector_store_id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@AuthenticationPrincipal AuthenticatedUser user,
			@PathVariable("vector_store_id") String vectorStoreId) {
		this.access.requireOwned(user, vectorStoreId);
		boolean deleted = this.knowledge.deleteVectorStore(vectorStoreId);
		this.owners.forget(KnowledgeOwners.Kind.VECTOR_STORE, vectorStoreId);
		if (!deleted) {
			throw VectorStoreAccess.notFound(vectorStoreId);
		}
	}

}
