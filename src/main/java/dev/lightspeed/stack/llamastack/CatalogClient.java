package dev.lightspeed.stack.llamastack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import dev.lightspeed.stack.json.PythonJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link LlamaStackCatalog} for the connected Llama Stack. Tools come from the tool
 * groups API, as LCS 0.4.2 lists them: Llama Stack 0.3+ describes a tool by {@code name}
 * and a JSON schema, which is read into 0.2's {@code identifier} and parameter list.
 */
class CatalogClient implements LlamaStackCatalog {

	private static final SemanticVersion PROMPT_UPDATE_BY_PUT = SemanticVersion.of("0.3.0");

	private final LlamaStackHttp http;

	private final Supplier<SemanticVersion> version;

	CatalogClient(LlamaStackHttp http, Supplier<SemanticVersion> version) {
		this.http = http;
		this.version = version;
	}

	@Override
	public List<JsonNode> providers() {
		return this.http.get("/v1/providers", JsonNode.class).path("data").valueStream().toList();
	}

	@Override
	public Optional<JsonNode> provider(String id) {
		return UpstreamErrors.ifKnown(() -> this.http.get("/v1/providers/{id}", JsonNode.class, id));
	}

	@Override
	public List<ObjectNode> tools(Map<String, Map<String, String>> mcpHeaders) {
		Optional<JsonNode> groups = UpstreamErrors.ifKnown(() -> this.http.get("/v1/toolgroups", JsonNode.class));
		Map<String, String> headers = Map.of(AgentTurnRequests.PROVIDER_DATA_HEADER,
				PythonJson.write(Map.of("mcp_headers", mcpHeaders)));
		List<ObjectNode> tools = new ArrayList<>();
		for (JsonNode group : groups.map((listed) -> listed.path("data"))
			.orElse(JsonNodeFactory.instance.arrayNode())) {
			String groupId = group.path("identifier").stringValue("");
			// a group Llama Stack lists but cannot read (its MCP server is down) is left
			// out
			UpstreamErrors.ifKnown(() -> this.http.get("/v1/tools?toolgroup_id={id}", headers, groupId))
				.ifPresent((listed) -> listed.path("data")
					.valueStream()
					.filter(JsonNode::isObject)
					.forEach((tool) -> tools.add(normalized((ObjectNode) tool, group))));
		}
		return tools;
	}

	private static ObjectNode normalized(ObjectNode tool, JsonNode group) {
		ObjectNode out = tool.deepCopy();
		if (!out.path("identifier").isString()) {
			out.put("identifier", tool.path("name").stringValue(""));
		}
		if (!out.path("parameters").isArray()) {
			out.set("parameters", parameters(tool.path("input_schema")));
		}
		if (!out.path("provider_id").isString()) {
			out.set("provider_id", group.path("provider_id"));
		}
		if (!out.path("toolgroup_id").isString()) {
			out.set("toolgroup_id", group.path("identifier"));
		}
		if (!out.path("type").isString()) {
			out.put("type", "tool");
		}
		return out;
	}

	// JSON schema properties -> 0.2's [{name, parameter_type, description, required,
	// default}]
	private static ArrayNode parameters(JsonNode schema) {
		ArrayNode parameters = JsonNodeFactory.instance.arrayNode();
		List<String> required = schema.path("required").valueStream().map(JsonNode::asString).toList();
		schema.path("properties").properties().forEach((property) -> {
			ObjectNode parameter = parameters.addObject();
			parameter.put("name", property.getKey());
			parameter.put("parameter_type", property.getValue().path("type").stringValue("string"));
			parameter.put("description", property.getValue().path("description").stringValue(""));
			parameter.put("required", required.contains(property.getKey()));
			parameter.set("default", property.getValue().path("default").isMissingNode()
					? JsonNodeFactory.instance.nullNode() : property.getValue().get("default"));
		});
		return parameters;
	}

	@Override
	public List<JsonNode> prompts() {
		return this.http.get("/v1/prompts", JsonNode.class).path("data").valueStream().toList();
	}

	@Override
	public Optional<JsonNode> prompt(String id, @Nullable Integer version) {
		return UpstreamErrors.ifKnown(() -> (version != null)
				? this.http.get("/v1/prompts/{id}?version={version}", JsonNode.class, id, version)
				: this.http.get("/v1/prompts/{id}", JsonNode.class, id));
	}

	@Override
	public JsonNode createPrompt(Map<String, Object> body) {
		return this.http.post("/v1/prompts", body, JsonNode.class);
	}

	@Override
	public Optional<JsonNode> updatePrompt(String id, Map<String, Object> body) {
		boolean put = this.version.get().compareTo(PROMPT_UPDATE_BY_PUT) >= 0;
		return UpstreamErrors.ifKnown(() -> put ? this.http.put("/v1/prompts/{id}", body, id)
				: this.http.post("/v1/prompts/{id}", body, JsonNode.class, id));
	}

	@Override
	public boolean deletePrompt(String id) {
		return UpstreamErrors.deleted(() -> this.http.delete("/v1/prompts/{id}", id));
	}

}
