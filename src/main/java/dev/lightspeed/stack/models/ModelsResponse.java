package dev.lightspeed.stack.models;

import java.util.List;
import java.util.Map;

/**
 * The answer of {@code /v1/models}.
 *
 * @param models Llama Stack's models as objects, keys in LCS order
 */
record ModelsResponse(List<Map<String, Object>> models) {
}
