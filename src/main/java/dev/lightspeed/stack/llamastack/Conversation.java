package dev.lightspeed.stack.llamastack;

/**
 * A conversation in Llama Stack. With the Agents API the conversation id is the agent id
 * and the session holds the turns.
 *
 * @param id conversation id, as clients see it
 * @param sessionId Llama Stack session that holds the turns
 */
public record Conversation(String id, String sessionId) {
}
