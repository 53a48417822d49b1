package dev.lightspeed.stack.vectorstores;

import java.util.List;

import dev.lightspeed.stack.llamastack.VectorStore;

/**
 * The answer of {@code GET /v1/vector-stores} (LCS's {@code VectorStoresListResponse}).
 *
 * @param data the stores
 * @param object always {@code list}
 */
public record VectorStoresListResponse(List<VectorStore> data, String object) {

	VectorStoresListResponse(List<VectorStore> data) {
		this(data, "list");
	}

}
