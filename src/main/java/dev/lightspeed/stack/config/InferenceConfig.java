package dev.lightspeed.stack.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The {@code inference} section: the model used when a request names none.
 *
 * @param defaultModel bare model id (the Llama Stack identifier is
 * {@code provider/model})
 * @param defaultProvider provider id
 */
public record InferenceConfig(@JsonProperty("default_model") @Nullable String defaultModel,
		@JsonProperty("default_provider") @Nullable String defaultProvider) implements CrossChecked {

	@Override
	public void crossCheck(SectionCheck section) {
		section.check(this.defaultModel != null || this.defaultProvider == null, "default_model",
				"Default model must be specified when default provider is set");
		section.check(this.defaultProvider != null || this.defaultModel == null, "default_provider",
				"Default provider must be specified when default model is set");
	}

}
