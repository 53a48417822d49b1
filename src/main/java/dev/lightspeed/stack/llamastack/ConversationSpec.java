package dev.lightspeed.stack.llamastack;

/**
 * What a new conversation starts with: its first turn's model, instructions and shields.
 *
 * @param modelId Llama Stack model identifier
 * @param instructions system prompt
 * @param shields shields that check its turns
 */
public record ConversationSpec(String modelId, String instructions, TurnInput.Shields shields) {
}
