package dev.lightspeed.stack.llamastack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What both API generations do alike: the catalogue calls, whose paths they share
 * (models, shields and providers). Models come in two shapes: Llama Stack's own up to
 * 0.3.x, the OpenAI list with {@code custom_metadata} from 0.4; both are read into Llama
 * Stack's own shape, which is what LCS shows on {@code /v1/models}.
 * <p>
 * The catalogue (models, shields, vector stores) is kept for {@code catalog-ttl} so that
 * a query does not list it again; providers never are: readiness must see their current
 * health.
 */
abstract class CatalogBackend implements LlamaStackBackend {

	private static final List<String> MODEL_FIELDS = List.of("model_type", "provider_id", "provider_resource_id");

	protected final LlamaStackHttp http;

	private final CatalogCache<List<Model>> models;

	private final CatalogCache<List<Shield>> shields;

	private final CatalogCache<List<VectorStore>> vectorStores;

	private final CatalogCache<List<String>> vectorStoreIds;

	CatalogBackend(LlamaStackHttp http, Duration catalogTtl) {
		this.http = http;
		this.models = new CatalogCache<>(this::fetchModels, catalogTtl, System::nanoTime);
		this.shields = new CatalogCache<>(this::fetchShields, catalogTtl, System::nanoTime);
		this.vectorStores = new CatalogCache<>(this::fetchVectorStores, catalogTtl, System::nanoTime);
		this.vectorStoreIds = new CatalogCache<>(this::fetchVectorStoreIds, catalogTtl, System::nanoTime);
	}

	@Override
	public final List<Model> models() {
		return this.models.get();
	}

	@Override
	public final List<Shield> shields() {
		return this.shields.get();
	}

	@Override
	public final List<VectorStore> vectorStores() {
		return this.vectorStores.get();
	}

	@Override
	public final List<String> vectorStoreIds() {
		return this.vectorStoreIds.get();
	}

	/**
	 * A vector store was created, changed or deleted through this service: list them
	 * again next time.
	 */
	final void vectorStoresChanged() {
		this.vectorStores.invalidate();
		this.vectorStoreIds.invalidate();
	}

	private List<Model> fetchModels() {
		List<Model> models = new ArrayList<>();
		for (JsonNode item : this.http.get("/v1/models", JsonNode.class).path("data")) {
			if (item.isObject()) {
				ObjectNode model = item.has("identifier") ? (ObjectNode) item : fromOpenAi((ObjectNode) item);
				models.add(new Model(model.path("identifier").stringValue(""),
						model.path("provider_id").stringValue(""), model.path("model_type").stringValue(null), model));
			}
		}
		return models;
	}

	// {"id", "object", "created", "owned_by", "custom_metadata": {...}} -> Llama Stack's
	// Model
	private static ObjectNode fromOpenAi(ObjectNode openAi) {
		JsonNode custom = openAi.path("custom_metadata");
		ObjectNode model = JsonNodeFactory.instance.objectNode();
		model.put("identifier", openAi.path("id").stringValue(""));
		ObjectNode metadata = model.putObject("metadata");
		custom.properties().forEach((entry) -> {
			if (!MODEL_FIELDS.contains(entry.getKey())) {
				metadata.set(entry.getKey(), entry.getValue());
			}
		});
		model.set("provider_id", custom.path("provider_id").isString() ? custom.get("provider_id")
				: JsonNodeFactory.instance.stringNode(providerOf(openAi.path("id").stringValue(""))));
		model.put("type", "model");
		model.set("provider_resource_id", custom.path("provider_resource_id").isString()
				? custom.get("provider_resource_id") : JsonNodeFactory.instance.nullNode());
		model.set("model_type", custom.path("model_type").isString() ? custom.get("model_type")
				: JsonNodeFactory.instance.stringNode("llm"));
		return model;
	}

	private static String providerOf(String identifier) {
		int slash = identifier.indexOf('/');
		return (slash > 0) ? identifier.substring(0, slash) : "";
	}

	/**
	 * The shields; none on a Llama Stack without a safety API (OGX has none: its
	 * guardrails are configured in the server and need no shield).
	 */
	private List<Shield> fetchShields() {
		JsonNode listed;
		try {
			listed = this.http.get("/v1/shields", JsonNode.class);
		}
		catch (LlamaStackApiException ex) {
			if (ex.upstreamStatus() == 404) {
				return List.of();
			}
			throw ex;
		}
		List<Shield> shields = new ArrayList<>();
		for (JsonNode item : listed.path("data")) {
			if (item.isObject()) {
				shields.add(new Shield(item.path("identifier").stringValue(""), (ObjectNode) item));
			}
		}
		return shields;
	}

	private List<VectorStore> fetchVectorStores() {
		return OpenAiLists.all(this.http, vectorStoresPath()).stream().map(VectorStore::of).toList();
	}

	/**
	 * Identifiers of the vector stores usable for knowledge search, asked of Llama Stack.
	 * @return the identifiers
	 */
	abstract List<String> fetchVectorStoreIds();

	/**
	 * Where this generation serves the Vector Stores API.
	 * @return the path of the store list
	 */
	abstract String vectorStoresPath();

	@Override
	public List<ProviderHealth> providers() {
		List<ProviderHealth> providers = new ArrayList<>();
		for (JsonNode item : this.http.get("/v1/providers", JsonNode.class).path("data")) {
			JsonNode health = item.path("health");
			providers.add(new ProviderHealth(item.path("provider_id").stringValue(""),
					health.path("status").isString() ? health.get("status").stringValue() : "unknown",
					health.path("message").isString() ? health.get("message").stringValue() : ""));
		}
		return providers;
	}

}
