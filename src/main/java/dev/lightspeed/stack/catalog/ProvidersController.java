package dev.lightspeed.stack.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.lightspeed.stack.errors.ApiException;
import dev.lightspeed.stack.llamastack.LlamaStackCatalog;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/providers} and {@code GET /v1/providers/{id}} (LCS 0.3.0): Llama Stack's
 * providers grouped by API, and one provider whole. Authorization hooks (LCS actions):
 * {@code LIST_PROVIDERS}, {@code GET_PROVIDER}.
 */
@RestController
class ProvidersController {

	private final LlamaStackCatalog catalog;

	ProvidersController(LlamaStackCatalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/v1/providers")
	ProvidersListResponse providers() {
		Map<String, List<Map<String, Object>>> byApi = new LinkedHashMap<>();
		for (JsonNode provider : this.catalog.providers()) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("provider_id", provider.path("provider_id").stringValue(""));
			entry.put("provider_type", provider.path("provider_type").stringValue(""));
			byApi.computeIfAbsent(provider.path("api").stringValue(""), (api) -> new ArrayList<>()).add(entry);
		}
		return new ProvidersListResponse(byApi);
	}

	@GetMapping("/v1/providers/{provider_id}")
	ProviderResponse provider(@PathVariable("provider_id") String providerId) {
		return this.catalog.provider(providerId)
			.map(ProviderResponse::of)
			.orElseThrow(() -> ApiException.of(HttpStatus.NOT_FOUND, "Provider not found",
					"Provider with ID " + providerId + " does not exist"));
	}

}
