package dev.lightspeed.stack.vectorstores;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lightspeed.stack.errors.ForbidExtraFields;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /v1/vector-stores/{id}/files} (LCS 0.5.1's
 * {@code VectorStoreFileCreateRequest}).
 *
 * @param fileId the uploaded file to add
 * @param attributes up to 16 key-value pairs kept with the file
 * @param chunkingStrategy how the file is cut into chunks
 */
@ForbidExtraFields
record VectorStoreFileCreateRequest(@JsonProperty("file_id") @NotNull @Size(min = 1) String fileId,
		@Nullable Map<String, Object> attributes,
		@JsonProperty("chunking_strategy") @Nullable Map<String, Object> chunkingStrategy) {

	Map<String, Object> body() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("file_id", this.fileId);
		VectorStoreCreateRequest.putIfSet(body, "attributes", this.attributes);
		VectorStoreCreateRequest.putIfSet(body, "chunking_strategy", this.chunkingStrategy);
		return body;
	}

}
