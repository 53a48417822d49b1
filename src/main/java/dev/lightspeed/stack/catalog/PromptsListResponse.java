package dev.lightspeed.stack.catalog;

import java.util.List;

/**
 * The answer of {@code GET /v1/prompts} (LCS 0.6.0's {@code PromptsListResponse}).
 *
 * @param data the prompts
 */
record PromptsListResponse(List<PromptResourceResponse> data) {
}
