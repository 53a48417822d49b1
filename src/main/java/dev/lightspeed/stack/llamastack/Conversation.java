package dev.lightspeed.stack.llamastack;

import org.jspecify.annotations.Nullable;

/**
 * A conversation in Llama Stack, as this service records it. With the Agents API the
 * conversation id is the agent id and {@code upstreamId} the session that holds the
 * turns; with the Responses API the conversation id is this service's own UUID and
 * {@code upstreamId} Llama Stack's {@code conv_…} id.
 *
 * @param id conversation id, as clients see it
 * @param upstreamId what Llama Stack knows the conversation by, null when not recorded
 * (rows written by LCS)
 */
public record Conversation(String id, @Nullable String upstreamId) {
}
