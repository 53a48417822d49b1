package dev.lightspeed.stack.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lightspeed.stack.errors.ForbidExtraFields;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code PUT /v1/prompts/{id}} (LCS 0.6.0's {@code PromptUpdateRequest}),
 * which makes a new version.
 *
 * @param prompt the new template
 * @param version the latest version, which this one follows
 * @param setAsDefault whether the new version becomes the default
 * @param variables the variables it may use
 */
@ForbidExtraFields
record PromptUpdateRequest(@NotNull @Size(min = 1) String prompt, @NotNull @Positive Integer version,
		@JsonProperty("set_as_default") @Nullable Boolean setAsDefault, @Nullable List<String> variables) {

	Map<String, Object> body() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("prompt", this.prompt);
		body.put("version", this.version);
		if (this.setAsDefault != null) {
			body.put("set_as_default", this.setAsDefault);
		}
		if (this.variables != null) {
			body.put("variables", this.variables);
		}
		return body;
	}

}
