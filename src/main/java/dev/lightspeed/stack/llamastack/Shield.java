package dev.lightspeed.stack.llamastack;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A safety shield registered in Llama Stack.
 *
 * @param identifier shield id; its prefix says whether it checks input, output or both
 * @param raw the object Llama Stack returned, for pass-through
 */
public record Shield(String identifier, ObjectNode raw) {

	/**
	 * A shield known only by its identifier.
	 * @param identifier shield id
	 */
	public Shield(String identifier) {
		this(identifier, JsonNodeFactory.instance.objectNode().put("identifier", identifier));
	}

	/**
	 * Whether the shield checks the user's input: {@code input_}, {@code inout_} and
	 * unprefixed shields do.
	 * @return true when it checks input
	 */
	public boolean checksInput() {
		return !this.identifier.startsWith("output_");
	}

	/**
	 * Whether the shield checks the model's output: {@code output_} and {@code inout_}
	 * shields do.
	 * @return true when it checks output
	 */
	public boolean checksOutput() {
		return this.identifier.startsWith("output_") || this.identifier.startsWith("inout_");
	}

}
