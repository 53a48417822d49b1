package dev.lightspeed.stack.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The {@code authentication.api_key_config} section of the {@code api-key-token} module:
 * LCS 0.3.1's one static key, and the credential of the admin API that manages the keys
 * kept in the database (ours). Secrets are masked wherever the configuration is shown.
 *
 * @param apiKey one static key (LCS 0.3.1); its holder is the default user
 * @param adminApiKey the credential of {@code /v1/admin/api-keys}; without it the admin
 * API is off
 */
public record ApiKeyTokenConfig(
		@JsonProperty("api_key") @JsonSerialize(using = SecretSerializer.class) @Nullable String apiKey,
		@JsonProperty("admin_api_key") @JsonSerialize(using = SecretSerializer.class) @Nullable String adminApiKey)
		implements
			CrossChecked {

	/** The shortest admin credential accepted: it opens every key. */
	static final int MIN_ADMIN_KEY_LENGTH = 16;

	@Override
	public void crossCheck(SectionCheck section) {
		section.check(this.apiKey == null || !this.apiKey.isEmpty(), "api_key",
				"String should have at least 1 character");
		section.check(this.adminApiKey == null || this.adminApiKey.length() >= MIN_ADMIN_KEY_LENGTH, "admin_api_key",
				"String should have at least " + MIN_ADMIN_KEY_LENGTH + " characters");
	}

}
