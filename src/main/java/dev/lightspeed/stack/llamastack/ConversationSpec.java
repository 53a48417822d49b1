package dev.lightspeed.stack.llamastack;

import java.util.List;

/**
 * What a new conversation runs with, for its whole life.
 *
 * @param modelId Llama Stack model identifier
 * @param instructions system prompt
 * @param inputShields shields that check the user's input
 * @param outputShields shields that check the model's output
 */
public record ConversationSpec(String modelId, String instructions, List<String> inputShields,
		List<String> outputShields) {

	public ConversationSpec {
		inputShields = List.copyOf(inputShields);
		outputShields = List.copyOf(outputShields);
	}

}
