package dev.lightspeed.stack.vectorstores;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lightspeed.stack.errors.ForbidExtraFields;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code PUT /v1/vector-stores/{id}} (LCS 0.5.1's
 * {@code VectorStoreUpdateRequest}): at least one field.
 *
 * @param name the new name, 1 to 256 characters
 * @param expiresAt when the store expires, Unix seconds
 * @param metadata the new metadata, which replaces the old
 */
@ForbidExtraFields
@AnyFieldGiven
record VectorStoreUpdateRequest(@Size(min = 1, max = 256) @Nullable String name,
		@JsonProperty("expires_at") @Positive @Nullable Long expiresAt, @Nullable Map<String, Object> metadata) {

	Map<String, Object> body() {
		Map<String, Object> body = new LinkedHashMap<>();
		VectorStoreCreateRequest.putIfSet(body, "name", this.name);
		VectorStoreCreateRequest.putIfSet(body, "expires_at", this.expiresAt);
		VectorStoreCreateRequest.putIfSet(body, "metadata", this.metadata);
		return body;
	}

}
