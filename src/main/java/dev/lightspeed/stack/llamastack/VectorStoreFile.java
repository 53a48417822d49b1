package dev.lightspeed.stack.llamastack;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A file in a vector store, as LCS 0.5.1 shows it ({@code VectorStoreFileResponse}), plus
 * {@code file_id}: Llama Stack names the file by {@code id} only, and the RHDH plugin
 * reads {@code file_id} to delete a notebook's files.
 *
 * @param id the file's id ({@code file-…})
 * @param fileId the same id
 * @param vectorStoreId the store
 * @param status {@code completed}, {@code in_progress}, {@code failed}, ...
 * @param attributes the key-value pairs given when the file was added
 * @param lastError why processing failed, if it did
 * @param object always {@code vector_store.file}
 */
public record VectorStoreFile(String id, @JsonProperty("file_id") String fileId,
		@JsonProperty("vector_store_id") String vectorStoreId, String status, @Nullable JsonNode attributes,
		@JsonProperty("last_error") @Nullable String lastError, String object) {

	static VectorStoreFile of(JsonNode file, String vectorStoreId) {
		String id = file.path("id").stringValue("");
		JsonNode error = file.path("last_error");
		String lastError = error.isString() ? error.stringValue()
				: (error.isObject() ? error.path("message").stringValue(null) : null);
		return new VectorStoreFile(id, id, file.path("vector_store_id").stringValue(vectorStoreId),
				file.path("status").stringValue("unknown"),
				file.path("attributes").isObject() ? file.get("attributes") : null, lastError,
				file.path("object").stringValue("vector_store.file"));
	}

}
