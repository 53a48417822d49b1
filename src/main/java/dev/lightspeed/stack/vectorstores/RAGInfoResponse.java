package dev.lightspeed.stack.vectorstores;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lightspeed.stack.llamastack.VectorStore;
import org.jspecify.annotations.Nullable;

/**
 * The answer of {@code GET /v1/rags/{id}} (LCS 0.3.1's {@code RAGInfoResponse}).
 *
 * @param id the store's id
 * @param name its name
 * @param createdAt creation time, Unix seconds
 * @param lastActiveAt last use, Unix seconds
 * @param usageBytes bytes stored
 * @param expiresAt expiry, Unix seconds
 * @param object always {@code vector_store}
 * @param status its status
 */
record RAGInfoResponse(String id, @Nullable String name, @JsonProperty("created_at") long createdAt,
		@JsonProperty("last_active_at") @Nullable Long lastActiveAt, @JsonProperty("usage_bytes") long usageBytes,
		@JsonProperty("expires_at") @Nullable Long expiresAt, String object, String status) {

	static RAGInfoResponse of(VectorStore store) {
		return new RAGInfoResponse(store.id(), store.name(), store.createdAt(), store.lastActiveAt(),
				store.usageBytes(), store.expiresAt(), "vector_store", store.status());
	}

}
