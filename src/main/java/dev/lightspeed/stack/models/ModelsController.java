package dev.lightspeed.stack.models;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.lightspeed.stack.errors.ApiException;
import dev.lightspeed.stack.llamastack.LlamaStackApiException;
import dev.lightspeed.stack.llamastack.LlamaStackStatus;
import dev.lightspeed.stack.llamastack.Model;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lists Llama Stack's models as LCS 0.2.0 shows them: its key order, and whole numbers in
 * {@code metadata} as floats ({@code "embedding_dimension": 384.0}), because LCS's Llama
 * Stack client reads each metadata value as {@code bool | float | str | list | object}.
 * An unreachable Llama Stack is a 503 (from the backend's exception); an error answer a
 * 500 naming it.
 */
@RestController
class ModelsController {

	// LCS 0.2.0's order; api_model_type repeats model_type.
	private static final List<String> KEY_ORDER = List.of("identifier", "metadata", "api_model_type", "provider_id",
			"type", "provider_resource_id", "model_type");

	private final LlamaStackStatus llamaStack;

	ModelsController(LlamaStackStatus llamaStack) {
		this.llamaStack = llamaStack;
	}

	/**
	 * The models; with {@code model_type} (LCS 0.4.2), only those of that type
	 * ({@code llm}, {@code embedding}, ...).
	 */
	@GetMapping("/v1/models")
	ModelsResponse models(@RequestParam(name = "model_type", required = false) @Nullable String modelType) {
		List<Model> models;
		try {
			models = this.llamaStack.backend().models();
		}
		catch (LlamaStackApiException ex) {
			throw ApiException.of(HttpStatus.INTERNAL_SERVER_ERROR, "Unable to retrieve list of models",
					String.valueOf(ex.getMessage()));
		}
		return new ModelsResponse(models.stream()
			.filter((model) -> modelType == null || modelType.equals(model.raw().path("model_type").stringValue("")))
			.map(ModelsController::ordered)
			.toList());
	}

	static Map<String, Object> ordered(Model model) {
		ObjectNode raw = model.raw();
		Map<String, Object> out = new LinkedHashMap<>();
		for (String key : KEY_ORDER) {
			JsonNode value = "api_model_type".equals(key) ? raw.get("model_type") : raw.get(key);
			if (value != null) {
				out.put(key, "metadata".equals(key) ? floatNumbers(value) : value);
			}
		}
		raw.properties().forEach((entry) -> out.putIfAbsent(entry.getKey(), entry.getValue()));
		return out;
	}

	// Only the top level: nested lists and objects pass the client unconverted.
	private static JsonNode floatNumbers(JsonNode metadata) {
		if (!metadata.isObject()) {
			return metadata;
		}
		ObjectNode converted = ((ObjectNode) metadata).deepCopy();
		converted.properties().forEach((entry) -> {
			if (entry.getValue().isIntegralNumber()) {
				entry.setValue(JsonNodeFactory.instance.numberNode(entry.getValue().doubleValue()));
			}
		});
		return converted;
	}

}
