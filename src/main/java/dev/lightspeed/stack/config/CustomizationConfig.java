package dev.lightspeed.stack.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The {@code customization} section. When {@code system_prompt_path} is set, the loader
 * replaces {@code system_prompt} with the file's content (trailing white space removed),
 * as LCS 0.2.0 does.
 *
 * @param disableQuerySystemPrompt whether requests may not bring their own system prompt
 * @param systemPromptPath file holding the system prompt
 * @param systemPrompt the system prompt
 */
public record CustomizationConfig(@JsonProperty("disable_query_system_prompt") Boolean disableQuerySystemPrompt,
		@JsonProperty("system_prompt_path") @Nullable String systemPromptPath,
		@JsonProperty("system_prompt") @Nullable String systemPrompt) {

	public CustomizationConfig {
		disableQuerySystemPrompt = (disableQuerySystemPrompt != null) ? disableQuerySystemPrompt : false;
	}

	static CustomizationConfig read(Section section) {
		return new CustomizationConfig(section.bool("disable_query_system_prompt"),
				section.existingFile("system_prompt_path"), section.string("system_prompt"));
	}

	CustomizationConfig withSystemPrompt(String prompt) {
		return new CustomizationConfig(this.disableQuerySystemPrompt, this.systemPromptPath, prompt);
	}

}
