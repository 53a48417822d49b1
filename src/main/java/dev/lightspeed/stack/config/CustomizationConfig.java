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
 * @param disableShieldIdsOverride whether requests may not choose their shields
 * ({@code shield_ids}, LCS 0.4.2)
 */
public record CustomizationConfig(@JsonProperty("disable_query_system_prompt") Boolean disableQuerySystemPrompt,
		@JsonProperty("system_prompt_path") @ExistingFile @Nullable String systemPromptPath,
		@JsonProperty("system_prompt") @Nullable String systemPrompt,
		@JsonProperty("disable_shield_ids_override") Boolean disableShieldIdsOverride) {

	public CustomizationConfig {
		disableQuerySystemPrompt = (disableQuerySystemPrompt != null) ? disableQuerySystemPrompt : false;
		disableShieldIdsOverride = (disableShieldIdsOverride != null) ? disableShieldIdsOverride : false;
	}

	CustomizationConfig withSystemPrompt(String prompt) {
		return new CustomizationConfig(this.disableQuerySystemPrompt, this.systemPromptPath, prompt,
				this.disableShieldIdsOverride);
	}

}
