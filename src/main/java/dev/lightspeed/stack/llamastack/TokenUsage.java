package dev.lightspeed.stack.llamastack;

/**
 * Tokens a turn cost, as the model's provider counted them.
 *
 * @param inputTokens tokens sent to the model (prompt, history, tool results)
 * @param outputTokens tokens the model produced
 */
public record TokenUsage(int inputTokens, int outputTokens) {
}
