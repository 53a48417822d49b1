package dev.lightspeed.stack.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.config.McpServersConfig;
import dev.lightspeed.stack.mcp.McpServers;
import dev.lightspeed.stack.mcp.TestMcpServers;
import dev.lightspeed.stack.llamastack.LlamaStackApiException;
import dev.lightspeed.stack.llamastack.LlamaStackCatalog;
import dev.lightspeed.stack.support.LlamaStackFailures;
import dev.lightspeed.stack.support.TestConfigurations;
import dev.lightspeed.stack.support.WebSlice;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * {@code /v1/providers}, {@code /v1/tools} and {@code /v1/prompts} in LCS's shapes, with
 * LCS's errors for unknown and malformed ids.
 */
@WebMvcTest({ ProvidersController.class, ToolsController.class, PromptsController.class })
@Import({ WebSlice.class, CatalogControllersTests.Mcp.class })
class CatalogControllersTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String PROMPT = "pmpt_35e78e7fae1dd024e234e75db7b0e06736e8bda281a3d97b";

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private LlamaStackCatalog catalog;

	@Test
	void providersAreGroupedByApi() {
		given(this.catalog.providers()).willReturn(List.of(
				JSON.readTree("{\"api\":\"inference\",\"provider_id\":\"openai\",\"provider_type\":\"remote::openai\","
						+ "\"config\":{},\"health\":{}}"),
				JSON.readTree(
						"{\"api\":\"vector_io\",\"provider_id\":\"faiss\",\"provider_type\":\"inline::faiss\"}")));
		assertThat(this.mvc.get().uri("/v1/providers?user_id=u")).hasStatusOk().bodyJson().isStrictlyEqualTo("""
				{"providers": {"inference": [{"provider_id": "openai", "provider_type": "remote::openai"}],
				 "vector_io": [{"provider_id": "faiss", "provider_type": "inline::faiss"}]}}""");
	}

	@Test
	void aProviderIsShownWholeAndAnUnknownOneIs404() {
		given(this.catalog.provider("faiss")).willReturn(Optional.of(JSON.readTree(
				"{\"api\":\"vector_io\",\"provider_id\":\"faiss\",\"provider_type\":\"inline::faiss\",\"config\":{\"a\":1},"
						+ "\"health\":{\"status\":\"OK\"}}")));
		given(this.catalog.provider("nope")).willReturn(Optional.empty());
		assertThat(this.mvc.get().uri("/v1/providers/faiss?user_id=u")).hasStatusOk().bodyJson().isStrictlyEqualTo("""
				{"api": "vector_io", "config": {"a": 1}, "health": {"status": "OK"}, "provider_id": "faiss",
				 "provider_type": "inline::faiss"}""");
		assertThat(this.mvc.get().uri("/v1/providers/nope?user_id=u")).hasStatus(404)
			.bodyJson()
			.isStrictlyEqualTo("{\"detail\":{\"response\":\"Provider not found\","
					+ "\"cause\":\"Provider with ID nope does not exist\"}}");
	}

	@Test
	void toolsNameTheirMcpServerOrBuiltinAndTheMcpHeadersReachLlamaStack() {
		ObjectNode mcpTool = (ObjectNode) JSON.readTree("{\"identifier\":\"list_pods\",\"description\":\"Pods\","
				+ "\"parameters\":[],\"provider_id\":\"model-context-protocol\",\"toolgroup_id\":\"k8s\",\"type\":\"tool\"}");
		ObjectNode rag = (ObjectNode) JSON.readTree("{\"identifier\":\"knowledge_search\",\"description\":\"Search\","
				+ "\"parameters\":[],\"provider_id\":\"rag-runtime\",\"toolgroup_id\":\"builtin::rag\",\"type\":\"tool\"}");
		given(this.catalog.tools(anyMap())).willReturn(List.of(mcpTool, rag));

		assertThat(this.mvc.get()
			.uri("/v1/tools?user_id=u")
			.header("MCP-HEADERS", "{\"k8s\":{\"Authorization\":\"tok\"}}")).hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo("""
					{"tools": [
					 {"identifier": "list_pods", "description": "Pods", "parameters": [],
					  "provider_id": "model-context-protocol", "toolgroup_id": "k8s",
					  "server_source": "http://mcp.local/mcp", "type": "tool"},
					 {"identifier": "knowledge_search", "description": "Search", "parameters": [],
					  "provider_id": "rag-runtime", "toolgroup_id": "builtin::rag", "server_source": "builtin",
					  "type": "tool"}]}""");
		verify(this.catalog).tools(Map.of("http://mcp.local/mcp", Map.of("Authorization", "tok")));
	}

	@Test
	void promptsAreLlamaStacksWithLcsErrors() {
		JsonNode stored = JSON.readTree("{\"prompt\":\"Hi {{ name }}\",\"version\":1,\"prompt_id\":\"" + PROMPT
				+ "\",\"variables\":[\"name\"],\"is_default\":false}");
		given(this.catalog.prompts()).willReturn(List.of(stored));
		given(this.catalog.prompt(PROMPT, 1)).willReturn(Optional.of(stored));
		given(this.catalog.createPrompt(anyMap())).willReturn(stored);
		given(this.catalog.deletePrompt(PROMPT)).willReturn(true);
		String resource = "{\"prompt_id\":\"" + PROMPT
				+ "\",\"version\":1,\"is_default\":false,\"prompt\":\"Hi {{ name }}\",\"variables\":[\"name\"]}";

		assertThat(this.mvc.get().uri("/v1/prompts?user_id=u")).bodyJson()
			.isStrictlyEqualTo("{\"data\":[" + resource + "]}");
		assertThat(this.mvc.get().uri("/v1/prompts/" + PROMPT + "?version=1&user_id=u")).bodyJson()
			.isStrictlyEqualTo(resource);
		assertThat(this.mvc.post()
			.uri("/v1/prompts?user_id=u")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"prompt\":\"Hi {{ name }}\",\"variables\":[\"name\"]}")).bodyJson().isStrictlyEqualTo(resource);
		verify(this.catalog).createPrompt(Map.of("prompt", "Hi {{ name }}", "variables", List.of("name")));
		assertThat(this.mvc.delete().uri("/v1/prompts/" + PROMPT + "?user_id=u")).bodyJson()
			.isStrictlyEqualTo(
					"{\"prompt_id\":\"" + PROMPT + "\",\"deleted\":true,\"response\":\"Prompt deleted successfully\"}");
		assertThat(this.mvc.get().uri("/v1/prompts/pmpt_short?user_id=u")).hasStatus(400)
			.bodyJson()
			.isStrictlyEqualTo("{\"detail\":{\"response\":\"Invalid prompt ID format\","
					+ "\"cause\":\"The prompt ID pmpt_short has invalid format.\"}}");
		verify(this.catalog, never()).prompt(eq("pmpt_short"), any());
	}

	@Test
	void anUnknownPromptIs404AndAnUpdateLlamaStackRefusesIs400() {
		given(this.catalog.prompt(PROMPT, null)).willReturn(Optional.empty());
		given(this.catalog.deletePrompt(PROMPT)).willReturn(false);
		willThrow(new LlamaStackApiException(400, "'1' is not the latest prompt version")).given(this.catalog)
			.updatePrompt(eq(PROMPT), anyMap());

		assertThat(this.mvc.get().uri("/v1/prompts/" + PROMPT + "?user_id=u")).hasStatus(404)
			.bodyJson()
			.isStrictlyEqualTo("{\"detail\":{\"response\":\"Prompt not found\",\"cause\":\"Prompt with ID " + PROMPT
					+ " does not exist\"}}");
		assertThat(this.mvc.delete().uri("/v1/prompts/" + PROMPT + "?user_id=u")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.response")
			.isEqualTo("Prompt not found");
		assertThat(this.mvc.put()
			.uri("/v1/prompts/" + PROMPT + "?user_id=u")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"prompt\":\"x\",\"version\":1}")).hasStatus(400)
			.bodyJson()
			.extractingPath("$.detail.cause")
			.isEqualTo("Llama Stack refused it: Error code: 400 - '1' is not the latest prompt version");
		assertThat(this.mvc.put()
			.uri("/v1/prompts/" + PROMPT + "?user_id=u")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"prompt\":\"x\"}")).hasStatus(422).bodyText().contains("\"version\"", "missing");
	}

	@Test
	void anUnreachableLlamaStackIs503() {
		willThrow(LlamaStackFailures.connectionError()).given(this.catalog).providers();
		assertThat(this.mvc.get().uri("/v1/providers?user_id=u")).hasStatus(503)
			.bodyJson()
			.isStrictlyEqualTo(LlamaStackFailures.UNAVAILABLE);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Mcp {

		@Bean
		@Primary
		LightspeedConfiguration withMcpServer() {
			return TestConfigurations.minimalWith("""
					mcp_servers:
					  - name: k8s
					    url: http://mcp.local/mcp
					""");
		}

		@Bean
		McpServers mcpServers(McpServersConfig configured) {
			return TestMcpServers.configured(configured);
		}

	}

}
