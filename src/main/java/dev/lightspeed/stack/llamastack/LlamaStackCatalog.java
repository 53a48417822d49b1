package dev.lightspeed.stack.llamastack;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Llama Stack's providers, tools and prompts, as the connected version serves them. Every
 * method throws {@link LlamaStackUnavailableException} when Llama Stack cannot be asked
 * and {@link LlamaStackApiException} when it refuses; "not found" answers are empty
 * results.
 */
public interface LlamaStackCatalog {

	/**
	 * {@code GET /v1/providers}.
	 * @return each provider as Llama Stack describes it ({@code api},
	 * {@code provider_id}, {@code provider_type}, {@code config}, {@code health})
	 */
	List<JsonNode> providers();

	/**
	 * {@code GET /v1/providers/{id}}.
	 * @param id the provider id
	 * @return the provider, empty when unknown
	 */
	Optional<JsonNode> provider(String id);

	/**
	 * The tools of every tool group, each in Llama Stack 0.2's shape ({@code identifier},
	 * {@code description}, {@code parameters}, {@code provider_id}, {@code toolgroup_id},
	 * {@code type}); none where the tool groups API is retired (OGX without it).
	 * @param mcpHeaders headers for MCP servers by URL, sent as provider data so that a
	 * server needing the caller's token lists its tools
	 * @return the tools
	 */
	List<ObjectNode> tools(Map<String, Map<String, String>> mcpHeaders);

	/**
	 * {@code GET /v1/prompts}.
	 * @return the prompts' default versions
	 */
	List<JsonNode> prompts();

	/**
	 * A prompt.
	 * @param id its id ({@code pmpt_…})
	 * @param version a version, null for the default one
	 * @return the prompt, empty when unknown
	 */
	Optional<JsonNode> prompt(String id, @Nullable Integer version);

	/**
	 * Creates a prompt.
	 * @param body {@code prompt}, {@code variables}
	 * @return the prompt
	 */
	JsonNode createPrompt(Map<String, Object> body);

	/**
	 * Makes a new version of a prompt ({@code POST} up to Llama Stack 0.2.x, {@code PUT}
	 * from 0.3).
	 * @param id its id
	 * @param body {@code prompt}, {@code version} (the latest), {@code set_as_default},
	 * {@code variables}
	 * @return the new version, empty when the prompt is unknown
	 */
	Optional<JsonNode> updatePrompt(String id, Map<String, Object> body);

	/**
	 * Deletes a prompt.
	 * @param id its id
	 * @return false when it was unknown
	 */
	boolean deletePrompt(String id);

}
