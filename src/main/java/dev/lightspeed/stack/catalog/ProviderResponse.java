package dev.lightspeed.stack.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

/**
 * The answer of {@code GET /v1/providers/{id}} (LCS 0.3.0's {@code ProviderResponse}).
 *
 * @param api the API the provider implements
 * @param config its configuration, as Llama Stack shows it (secrets masked there)
 * @param health its health
 * @param providerId its id
 * @param providerType its implementation
 */
record ProviderResponse(String api, JsonNode config, JsonNode health, @JsonProperty("provider_id") String providerId,
		@JsonProperty("provider_type") String providerType) {

	static ProviderResponse of(JsonNode provider) {
		return new ProviderResponse(provider.path("api").stringValue(""), provider.path("config"),
				provider.path("health"), provider.path("provider_id").stringValue(""),
				provider.path("provider_type").stringValue(""));
	}

}
