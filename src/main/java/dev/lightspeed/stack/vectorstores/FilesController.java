package dev.lightspeed.stack.vectorstores;

import dev.lightspeed.stack.auth.AuthenticatedUser;
import dev.lightspeed.stack.errors.ApiException;
import dev.lightspeed.stack.llamastack.LlamaStackKnowledge;
import dev.lightspeed.stack.llamastack.StoredFile;
import dev.lightspeed.stack.storage.Identifiers;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/files} (LCS 0.5.1, multipart {@code file}) and {@code DELETE
 * /v1/files/{id}}, which the RHDH plugin 2.9 calls though LCS lacks it. A file belongs to
 * the user who uploaded it; anyone else is told it does not exist. Authorization hook
 * (LCS action): both are {@code MANAGE_FILES}.
 */
@RestController
class FilesController {

	private static final Logger logger = LoggerFactory.getLogger(FilesController.class);

	private final FileUploads uploads;

	private final LlamaStackKnowledge knowledge;

	private final KnowledgeOwners owners;

	FilesController(FileUploads uploads, LlamaStackKnowledge knowledge, KnowledgeOwners owners) {
		this.uploads = uploads;
		this.knowledge = knowledge;
		this.owners = owners;
	}

	@PostMapping("/v1/files")
	// the file part as FastAPI's UploadFile documents it: without it, clients (and the
	// fuzzing) could only guess that the part is a file
	@RequestBody(content = @Content(mediaType = "multipart/form-data",
			schema = @Schema(requiredProperties = "file", type = "object"),
			schemaProperties = @SchemaProperty(name = "file",
					schema = @Schema(type = "string", format = "binary", title = "File"))))
	StoredFile upload(@AuthenticationPrincipal AuthenticatedUser user, HttpServletRequest request) {
		StoredFile file = this.uploads.upload(request);
		try {
			this.owners.record(KnowledgeOwners.Kind.FILE, file.id(), user.userId());
		}
		catch (RuntimeException ex) {
			logger.error("Recording the owner of file {} failed; deleting it", file.id(), ex);
			this.knowledge.deleteFile(file.id());
			throw ApiException.of(HttpStatus.INTERNAL_SERVER_ERROR, "Unable to upload the file",
					"Its owner could not be recorded");
		}
		return file;
	}

	@DeleteMapping("/v1/files/{file_id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable("file_id") String fileId) {
		if (!Identifiers.isStorable(fileId)
				|| !this.owners.owner(KnowledgeOwners.Kind.FILE, fileId).filter(user.userId()::equals).isPresent()) {
			throw VectorStoreFilesController.fileNotFound(fileId);
		}
		boolean deleted = this.knowledge.deleteFile(fileId);
		this.owners.forget(KnowledgeOwners.Kind.FILE, fileId);
		if (!deleted) {
			throw VectorStoreFilesController.fileNotFound(fileId);
		}
	}

}
