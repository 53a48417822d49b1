package dev.lightspeed.stack.vectorstores;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lightspeed.stack.errors.ForbidExtraFields;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /v1/vector-stores} (LCS 0.5.1's
 * {@code VectorStoreCreateRequest}).
 *
 * @param name the store's name, 1 to 256 characters
 * @param embeddingModel the embedding model, Llama Stack's default when absent
 * @param embeddingDimension the embedding's dimension
 * @param chunkingStrategy how files are cut into chunks
 * @param providerId the vector-io provider
 * @param metadata key-value pairs kept with the store (RHDH keeps a notebook here)
 */
@ForbidExtraFields
record VectorStoreCreateRequest(@NotNull @Size(min = 1, max = 256) String name,
		@JsonProperty("embedding_model") @Nullable String embeddingModel,
		@JsonProperty("embedding_dimension") @Positive @Nullable Integer embeddingDimension,
		@JsonProperty("chunking_strategy") @Nullable Map<String, Object> chunkingStrategy,
		@JsonProperty("provider_id") @Nullable String providerId, @Nullable Map<String, Object> metadata) {

	Map<String, Object> body() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", this.name);
		putIfSet(body, "embedding_model", this.embeddingModel);
		putIfSet(body, "embedding_dimension", this.embeddingDimension);
		putIfSet(body, "chunking_strategy", this.chunkingStrategy);
		putIfSet(body, "provider_id", this.providerId);
		putIfSet(body, "metadata", this.metadata);
		return body;
	}

	static void putIfSet(Map<String, Object> body, String key, @Nullable Object value) {
		if (value != null) {
			body.put(key, value);
		}
	}

}
