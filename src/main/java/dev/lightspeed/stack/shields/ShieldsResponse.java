package dev.lightspeed.stack.shields;

import java.util.List;
import java.util.Map;

/**
 * The answer of {@code /v1/shields} (LCS 0.3.x {@code ShieldsResponse}).
 *
 * @param shields Llama Stack's shields as it returned them
 */
record ShieldsResponse(List<Map<String, Object>> shields) {
}
