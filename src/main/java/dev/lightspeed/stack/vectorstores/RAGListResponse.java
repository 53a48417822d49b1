package dev.lightspeed.stack.vectorstores;

import java.util.List;

/**
 * The answer of {@code GET /v1/rags} (LCS 0.3.1's {@code RAGListResponse}).
 *
 * @param rags the ids of the vector stores the caller may search
 */
record RAGListResponse(List<String> rags) {
}
