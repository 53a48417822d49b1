package dev.lightspeed.stack.catalog;

import java.util.List;
import java.util.Map;

/**
 * The answer of {@code GET /v1/tools} (LCS 0.3.0's {@code ToolsResponse}).
 *
 * @param tools each tool's {@code identifier}, {@code description}, {@code parameters},
 * {@code provider_id}, {@code toolgroup_id}, {@code server_source} (the MCP server's URL,
 * or {@code builtin}) and {@code type}
 */
record ToolsResponse(List<Map<String, Object>> tools) {
}
