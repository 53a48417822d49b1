package dev.lightspeed.stack.llamastack;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * A model as Llama Stack lists it.
 *
 * @param identifier Llama Stack identifier, usually {@code provider/model}
 * @param providerId provider id
 * @param modelType {@code llm} or {@code embedding}
 * @param raw the object Llama Stack returned, for pass-through
 */
public record Model(String identifier, String providerId, @Nullable String modelType, ObjectNode raw) {

	/**
	 * Whether this is a chat model.
	 * @return true for {@code model_type == "llm"}
	 */
	public boolean isLlm() {
		return "llm".equals(this.modelType);
	}

}
