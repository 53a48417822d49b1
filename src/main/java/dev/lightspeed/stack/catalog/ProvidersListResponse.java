package dev.lightspeed.stack.catalog;

import java.util.List;
import java.util.Map;

/**
 * The answer of {@code GET /v1/providers} (LCS 0.3.0's {@code ProvidersListResponse}).
 *
 * @param providers the providers by API, each with {@code provider_id} and
 * {@code provider_type}
 */
record ProvidersListResponse(Map<String, List<Map<String, Object>>> providers) {
}
