package dev.lightspeed.stack.vectorstores;

import dev.lightspeed.stack.auth.AuthenticatedUser;
import dev.lightspeed.stack.errors.ApiException;
import dev.lightspeed.stack.llamastack.VectorStore;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/rags} and {@code GET /v1/rags/{id}} (LCS 0.3.1): the vector stores as
 * LCS lists its RAG databases, by the same rule as {@code /v1/vector-stores}: only those
 * the caller may search. Authorization hooks (LCS actions): {@code LIST_RAGS},
 * {@code GET_RAG}.
 */
@RestController
class RagsController {

	private final VectorStoreAccess access;

	RagsController(VectorStoreAccess access) {
		this.access = access;
	}

	@GetMapping("/v1/rags")
	RAGListResponse rags(@AuthenticationPrincipal AuthenticatedUser user) {
		return new RAGListResponse(this.access.listed(user).stream().map(VectorStore::id).toList());
	}

	@GetMapping("/v1/rags/{rag_id}")
	RAGInfoResponse rag(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable("rag_id") String ragId) {
		try {
			return RAGInfoResponse.of(this.access.readable(user, ragId));
		}
		catch (ApiException ex) {
			if (ex.status() == HttpStatus.NOT_FOUND) {
				throw ApiException.of(HttpStatus.NOT_FOUND, "Rag not found",
						"Rag with ID " + ragId + " does not exist");
			}
			throw ex;
		}
	}

}
