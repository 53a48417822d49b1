package dev.lightspeed.stack.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.lightspeed.stack.errors.ForbidExtraFields;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /v1/prompts} (LCS 0.6.0's {@code PromptCreateRequest}).
 *
 * @param prompt the template, with {@code {{ variable }}} placeholders
 * @param variables the variables it may use
 */
@ForbidExtraFields
record PromptCreateRequest(@NotNull @Size(min = 1) String prompt, @Nullable List<String> variables) {

	Map<String, Object> body() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("prompt", this.prompt);
		if (this.variables != null) {
			body.put("variables", this.variables);
		}
		return body;
	}

}
