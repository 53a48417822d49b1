package dev.lightspeed.stack.llamastack;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A vector store (OpenAI's Vector Stores API, which Llama Stack serves from 0.2.x).
 *
 * @param id store id ({@code vs_…})
 * @param name its name
 * @param createdAt creation time, Unix seconds
 * @param lastActiveAt last use, Unix seconds
 * @param expiresAt expiry, Unix seconds
 * @param status {@code completed}, {@code in_progress}, ...
 * @param usageBytes bytes stored
 * @param metadata its metadata object, null when none
 */
public record VectorStore(String id, String name, @JsonProperty("created_at") long createdAt,
		@JsonProperty("last_active_at") @Nullable Long lastActiveAt,
		@JsonProperty("expires_at") @Nullable Long expiresAt, String status,
		@JsonProperty("usage_bytes") long usageBytes, @Nullable JsonNode metadata) {

	static VectorStore of(JsonNode store) {
		return new VectorStore(store.path("id").stringValue(""), store.path("name").stringValue(""),
				store.path("created_at").asLong(0), longOrNull(store.path("last_active_at")),
				longOrNull(store.path("expires_at")), store.path("status").stringValue(""),
				store.path("usage_bytes").asLong(0), store.path("metadata").isObject() ? store.get("metadata") : null);
	}

	private static @Nullable Long longOrNull(JsonNode value) {
		return value.isNumber() ? value.asLong() : null;
	}

}
