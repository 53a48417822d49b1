package dev.lightspeed.stack.models;

import java.util.List;

import tools.jackson.databind.node.ObjectNode;

/**
 * The answer of {@code /v1/models}.
 *
 * @param models Llama Stack's models as objects
 */
record ModelsResponse(List<ObjectNode> models) {
}
