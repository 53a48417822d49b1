package dev.lightspeed.stack.vectorstores;

import java.util.List;

import dev.lightspeed.stack.llamastack.VectorStoreFile;

/**
 * The answer of {@code GET /v1/vector-stores/{id}/files} (LCS's
 * {@code VectorStoreFilesListResponse}).
 *
 * @param data the files
 * @param object always {@code list}
 */
record VectorStoreFilesListResponse(List<VectorStoreFile> data, String object) {

	VectorStoreFilesListResponse(List<VectorStoreFile> data) {
		this(data, "list");
	}

}
