package dev.lightspeed.stack.vectorstores;

import dev.lightspeed.stack.auth.AuthenticatedUser;
import dev.lightspeed.stack.errors.ApiException;
import dev.lightspeed.stack.llamastack.LlamaStackKnowledge;
import dev.lightspeed.stack.llamastack.Refusals;
import dev.lightspeed.stack.llamastack.VectorStoreFile;
import dev.lightspeed.stack.storage.Identifiers;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/vector-stores/{id}/files} (LCS 0.5.1): the files of a store the caller may
 * read are listed and shown; only the store's owner adds files (their own uploads) and
 * removes them. Authorization hooks (LCS actions): GETs are {@code READ_VECTOR_STORES},
 * POST and DELETE {@code MANAGE_VECTOR_STORES}.
 */
@RestController
@RequestMapping("/v1/vector-stores/{vector_store_id}/files")
class VectorStoreFilesController {

	private final VectorStoreAccess access;

	private final LlamaStackKnowledge knowledge;

	private final KnowledgeOwners owners;

	VectorStoreFilesController(VectorStoreAccess access, LlamaStackKnowledge knowledge, KnowledgeOwners owners) {
		this.access = access;
		this.knowledge = knowledge;
		this.owners = owners;
	}

	@GetMapping
	VectorStoreFilesListResponse list(@AuthenticationPrincipal AuthenticatedUser user,
			@PathVariable("vector_store_id") String vectorStoreId) {
		this.access.readable(user, vectorStoreId);
		return new VectorStoreFilesListResponse(this.knowledge.vectorStoreFiles(vectorStoreId)
			.orElseThrow(() -> VectorStoreAccess.notFound(vectorStoreId)));
	}

	@PostMapping
	VectorStoreFile add(@AuthenticationPrincipal AuthenticatedUser user,
			@PathVariable("vector_store_id") String vectorStoreId, @RequestBody VectorStoreFileCreateRequest request) {
		this.access.requireOwned(user, vectorStoreId);
		String fileId = request.fileId();
		if (!Identifiers.isStorable(fileId)
				|| !this.owners.owner(KnowledgeOwners.Kind.FILE, fileId).filter(user.userId()::equals).isPresent()) {
			throw fileNotFound(fileId);
		}
		return Refusals
			.asBadRequest("Unable to add the file to the vector store",
					() -> this.knowledge.addVectorStoreFile(vectorStoreId, request.body()))
			.orElseThrow(() -> ApiException.of(HttpStatus.NOT_FOUND, "Vector Store Or File not found",
					"Vector Store Or File with ID vector_store=" + vectorStoreId + ", file=" + fileId
							+ " does not exist"));
	}

	@GetMapping("/{file_id}")
	VectorStoreFile get(@AuthenticationPrincipal AuthenticatedUser user,
			@PathVariable("vector_store_id") String vectorStoreId, @PathVariable("file_id") String fileId) {
		this.access.readable(user, vectorStoreId);
		return this.knowledge.vectorStoreFile(vectorStoreId, fileId).orElseThrow(() -> fileNotFound(fileId));
	}

	@DeleteMapping("/{file_id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void remove(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable("vector_store_id") String vectorStoreId,
			@PathVariable("file_id") String fileId) {
		this.access.requireOwned(user, vectorStoreId);
		if (!this.knowledge.removeVectorStoreFile(vectorStoreId, fileId)) {
			throw fileNotFound(fileId);
		}
	}

	static ApiException fileNotFound(String fileId) {
		return ApiException.of(HttpStatus.NOT_FOUND, "File not found",
				"File with ID " + Identifiers.printable(fileId) + " does not exist");
	}

}
