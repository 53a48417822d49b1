package dev.lightspeed.stack.catalog;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A prompt as LCS 0.6.0 shows it ({@code PromptResourceResponse}).
 *
 * @param promptId its id ({@code pmpt_…})
 * @param version this version
 * @param isDefault whether it is the default version
 * @param prompt the template
 * @param variables the variables it uses
 */
record PromptResourceResponse(@JsonProperty("prompt_id") String promptId, int version,
		@JsonProperty("is_default") @Nullable Boolean isDefault, @Nullable String prompt,
		@Nullable List<String> variables) {

	static PromptResourceResponse of(JsonNode prompt) {
		return new PromptResourceResponse(prompt.path("prompt_id").stringValue(""), prompt.path("version").asInt(0),
				prompt.path("is_default").isBoolean() ? prompt.get("is_default").booleanValue() : null,
				prompt.path("prompt").stringValue(null), prompt.path("variables").isArray()
						? prompt.path("variables").valueStream().map(JsonNode::asString).toList() : null);
	}

}
