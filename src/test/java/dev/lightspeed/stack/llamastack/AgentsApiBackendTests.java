package dev.lightspeed.stack.llamastack;

import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.lightspeed.stack.config.McpServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Agents API backend's JSON calls against a stubbed Llama Stack 0.2.22.
 */
class AgentsApiBackendTests {

	@RegisterExtension
	static WireMockExtension llamaStack = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	private AgentsApiBackend backend(String apiKey) {
		return TestClients.agents(llamaStack.baseUrl(), apiKey);
	}

	@Test
	void modelsShouldKeepLlamaStacksObjectAndSendTheApiKeyAsBearerToken() {
		llamaStack.stubFor(get("/v1/models").willReturn(okJson("""
				{"data": [
				  {"identifier": "vllm/fake-model", "provider_resource_id": "fake-model", "provider_id": "vllm",
				   "type": "model", "metadata": {}, "model_type": "llm"},
				  {"identifier": "sentence-transformers/all-mpnet-base-v2", "provider_id": "sentence-transformers",
				   "type": "model", "metadata": {"embedding_dimension": 768}, "model_type": "embedding"}
				]}""")));

		List<Model> models = backend("secret-key").models();

		assertThat(models).extracting(Model::identifier, Model::providerId, Model::modelType)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("vllm/fake-model", "vllm", "llm"),
					org.assertj.core.groups.Tuple.tuple("sentence-transformers/all-mpnet-base-v2",
							"sentence-transformers", "embedding"));
		assertThat(models.getFirst().raw().path("provider_resource_id").stringValue()).isEqualTo("fake-model");
		assertThat(models.getFirst().isLlm()).isTrue();
		llamaStack
			.verify(getRequestedFor(urlEqualTo("/v1/models")).withHeader("Authorization", equalTo("Bearer secret-key"))
				.withHeader("X-LlamaStack-Client-Version", absent()));
	}

	@Test
	void withoutApiKeyNoAuthorizationHeaderShouldBeSent() {
		llamaStack.stubFor(get("/v1/shields").willReturn(okJson("""
				{"data": [{"identifier": "llama-guard", "provider_resource_id": "vllm/fake-guard",
				 "provider_id": "llama-guard", "type": "shield", "params": {}},
				 {"identifier": "output_guard", "type": "shield"}]}""")));

		assertThat(backend(null).shields()).extracting(Shield::identifier)
			.containsExactly("llama-guard", "output_guard");
		llamaStack.verify(getRequestedFor(urlEqualTo("/v1/shields")).withHeader("Authorization", absent()));
	}

	@Test
	void shieldsShouldKeepLlamaStacksObjectForPassThrough() {
		String guard = "{\"identifier\":\"llama-guard\",\"provider_resource_id\":\"vllm/fake-guard\","
				+ "\"provider_id\":\"llama-guard\",\"type\":\"shield\",\"params\":null,\"owner\":{\"principal\":\"\"}}";
		llamaStack.stubFor(get("/v1/shields").willReturn(okJson("{\"data\": [" + guard + "]}")));

		assertThat(backend(null).shields()).singleElement()
			.satisfies((shield) -> assertThat(shield.raw().toString()).isEqualTo(guard));
	}

	@Test
	void emptyApiKeyShouldSendNoAuthorizationHeader() {
		llamaStack.stubFor(get("/v1/shields").willReturn(okJson("{\"data\": []}")));

		backend("").shields();

		llamaStack.verify(getRequestedFor(urlEqualTo("/v1/shields")).withHeader("Authorization", absent()));
	}

	@Test
	void vectorStoreIdsShouldBeTheVectorDbIdentifiers() {
		llamaStack.stubFor(get("/v1/vector-dbs").willReturn(okJson("""
				{"data": [{"identifier": "vs_1234", "provider_id": "faiss", "type": "vector_db",
				 "embedding_model": "x", "embedding_dimension": 8, "vector_db_name": "smoke-docs"}]}""")));

		assertThat(backend(null).vectorStoreIds()).containsExactly("vs_1234");
	}

	@Test
	void providersShouldDefaultMissingHealthToUnknownAndEmptyMessage() {
		llamaStack.stubFor(get("/v1/providers").willReturn(okJson("""
				{"data": [
				  {"api": "inference", "provider_id": "vllm", "provider_type": "remote::vllm", "config": {},
				   "health": {"status": "OK"}},
				  {"api": "agents", "provider_id": "meta-reference", "health": {"status": "Not Implemented",
				   "message": "Provider does not implement health check"}},
				  {"api": "safety", "provider_id": "llama-guard", "health": null},
				  {"api": "vector_io", "provider_id": "faiss", "health": {"status": "Error", "message": "down"}}
				]}""")));

		assertThat(backend(null).providers()).containsExactly(new ProviderHealth("vllm", "OK", ""),
				new ProviderHealth("meta-reference", "Not Implemented", "Provider does not implement health check"),
				new ProviderHealth("llama-guard", "unknown", ""), new ProviderHealth("faiss", "Error", "down"));
	}

	@Test
	void registerMcpServersShouldRegisterOnlyUnknownServersInConfigurationOrder() {
		llamaStack.stubFor(get("/v1/toolgroups").willReturn(okJson("""
				{"data": [{"identifier": "known", "provider_resource_id": "known", "provider_id":
				 "model-context-protocol", "type": "tool_group", "mcp_endpoint": {"uri": "http://old/mcp"}},
				 {"identifier": "builtin::rag", "provider_resource_id": "builtin::rag", "mcp_endpoint": null}]}""")));
		llamaStack.stubFor(post("/v1/toolgroups").willReturn(okJson("{}")));

		backend(null).registerMcpServers(List.of(new McpServerConfig("second", null, "http://b:9000/mcp"),
				new McpServerConfig("known", null, "http://new/mcp"),
				new McpServerConfig("first", "my-mcp", "http://a:8080/mcp")));

		List<String> bodies = llamaStack.findAll(postRequestedFor(urlEqualTo("/v1/toolgroups")))
			.stream()
			.map((request) -> request.getBodyAsString())
			.toList();
		assertThat(bodies).hasSize(2);
		assertThat(bodies.get(0)).isEqualTo(
				"{\"toolgroup_id\":\"second\",\"provider_id\":\"model-context-protocol\",\"mcp_endpoint\":{\"uri\":\"http://b:9000/mcp\"}}");
		assertThat(bodies.get(1)).isEqualTo(
				"{\"toolgroup_id\":\"first\",\"provider_id\":\"my-mcp\",\"mcp_endpoint\":{\"uri\":\"http://a:8080/mcp\"}}");
	}

	@Test
	void aServerRegisteredAtRunTimeShouldBecomeAToolGroupAndGoAgain() {
		llamaStack.stubFor(get("/v1/toolgroups").willReturn(okJson("{\"data\": []}")));
		llamaStack.stubFor(post("/v1/toolgroups").willReturn(okJson("null")));
		llamaStack.stubFor(delete("/v1/toolgroups/runtime-tools").willReturn(okJson("null")));

		backend(null).registerMcpServer(new McpServerConfig("runtime-tools", null, "http://rt/mcp"));
		backend(null).unregisterMcpServer("runtime-tools");

		llamaStack.verify(postRequestedFor(urlEqualTo("/v1/toolgroups")).withRequestBody(equalTo(
				"{\"toolgroup_id\":\"runtime-tools\",\"provider_id\":\"model-context-protocol\",\"mcp_endpoint\":"
						+ "{\"uri\":\"http://rt/mcp\"}}")));
		llamaStack.verify(deleteRequestedFor(urlEqualTo("/v1/toolgroups/runtime-tools")));
	}

	@Test
	void unregisteringAToolGroupLlamaStackDoesNotKnowShouldNotFail() {
		llamaStack.stubFor(delete("/v1/toolgroups/gone").willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"detail\": \"Invalid value: Tool group 'gone' not found\"}")));

		backend(null).unregisterMcpServer("gone");

		llamaStack.verify(deleteRequestedFor(urlEqualTo("/v1/toolgroups/gone")));
	}

}
