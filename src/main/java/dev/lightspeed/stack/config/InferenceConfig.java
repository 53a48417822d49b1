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
		@JsonProperty("default_provider") @Nullable String defaultProvider) {

	static InferenceConfig read(Section section) {
		String model = section.string("default_model");
		String provider = section.string("default_provider");
		section.check(model != null || provider == null, "default_model",
				"Default model must be specified when default provider is set");
		section.check(provider != null || model == null, "default_provider",
				"Default provider must be specified when default model is set");
		return new InferenceConfig(model, provider);
	}

}
