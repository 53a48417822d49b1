package dev.lightspeed.stack.apikeys;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer of {@code GET /v1/admin/api-keys}.
 *
 * @param apiKeys every key, newest first
 */
record ApiKeysResponse(@JsonProperty("api_keys") List<ApiKey> apiKeys) {
}
