package dev.lightspeed.stack.llamastack;

import tools.jackson.databind.node.ObjectNode;

/**
 * One event of a Responses API stream, as Llama Stack sent it.
 *
 * @param type its {@code type} ({@code response.created},
 * {@code response.output_text.delta}, ..., {@code error})
 * @param data the whole event
 */
public record ResponseEvent(String type, ObjectNode data) {

	/**
	 * Whether the response is over: completed, incomplete, failed, or an error. OGX may
	 * send a second {@code response.completed}; a reader stops at the first.
	 * @return true for a terminal event
	 */
	public boolean terminal() {
		return switch (this.type) {
			case "response.completed", "response.incomplete", "response.failed", "error" -> true;
			default -> false;
		};
	}

}
