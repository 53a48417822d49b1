package dev.lightspeed.stack.llamastack;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Shields on the Responses API: each shield checks a text through
 * {@code POST /v1/moderations} with the shield's model (its
 * {@code provider_resource_id}), as LCS 0.5 does. The first shield that flags the text
 * decides.
 */
final class Moderations {

	/** LCS's answer when the shield gives no message of its own. */
	static final String DEFAULT_REFUSAL = "I cannot process this request due to policy restrictions.";

	private final LlamaStackHttp http;

	Moderations(LlamaStackHttp http) {
		this.http = http;
	}

	/**
	 * Checks a text with shields, in order.
	 * @param shields the shields
	 * @param text what to check
	 * @return the first violation, empty when every shield passes the text
	 */
	Optional<TurnEvent.Violation> check(List<Shield> shields, String text) {
		for (Shield shield : shields) {
			String model = shield.raw().path("provider_resource_id").stringValue(shield.identifier());
			JsonNode result = this.http.post("/v1/moderations", Map.of("input", text, "model", model), JsonNode.class)
				.path("results")
				.path(0);
			if (result.path("flagged").asBoolean(false)) {
				JsonNode message = result.path("user_message");
				JsonNode metadata = result.path("metadata");
				return Optional.of(new TurnEvent.Violation(
						(message.isString() && !message.stringValue().isEmpty()) ? message.stringValue()
								: DEFAULT_REFUSAL,
						metadata.isObject() ? metadata : JsonNodeFactory.instance.objectNode()));
			}
		}
		return Optional.empty();
	}

}
