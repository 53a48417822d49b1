package dev.lightspeed.stack.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The {@code authentication.api_key_config} section of the {@code api-key-token} module
 * (LCS 0.3.1). Secrets are masked wherever the configuration is shown.
 *
 * @param apiKey one static key (LCS 0.3.1); its holder is the default user
 */
public record ApiKeyTokenConfig(
		@JsonProperty("api_key") @JsonSerialize(using = SecretSerializer.class) @Nullable String apiKey) {

	static ApiKeyTokenConfig read(Section section) {
		ApiKeyTokenConfig config = new ApiKeyTokenConfig(section.string("api_key"));
		section.check(config.apiKey == null || !config.apiKey.isEmpty(), "api_key",
				"String should have at least 1 character");
		return config;
	}

}
