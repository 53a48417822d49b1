package dev.lightspeed.stack.llamastack;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.lightspeed.stack.support.Captures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.jsonResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Providers, tools and prompts against WireMock answering with what real servers sent
 * ({@code e2e/captures/<generation>/knowledge/}).
 */
class CatalogClientTests {

	private static final String RAG_GROUP = "{\"data\":[{\"identifier\":\"builtin::rag\",\"provider_resource_id\":"
			+ "\"builtin::rag\",\"provider_id\":\"rag-runtime\",\"type\":\"tool_group\",\"mcp_endpoint\":null}]}";

	@RegisterExtension
	static WireMockExtension llamaStack = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	private static CatalogClient client(String version) {
		return new CatalogClient(TestClients.http(llamaStack.baseUrl(), null), () -> SemanticVersion.of(version));
	}

	private static String capture(String generation, String name) {
		return new String(Captures.of(generation, "knowledge/" + name), StandardCharsets.UTF_8);
	}

	@Test
	void toolsOfEveryGenerationAreReadInTheShapeOf02WithTheMcpHeadersAsProviderData() {
		for (String generation : new String[] { "0.2.22", "0.5.4" }) {
			llamaStack.resetAll();
			llamaStack.stubFor(get("/v1/toolgroups").willReturn(okJson(RAG_GROUP)));
			llamaStack.stubFor(get(urlEqualTo("/v1/tools?toolgroup_id=builtin%3A%3Arag"))
				.willReturn(okJson(capture(generation, "tools.json"))));

			var tools = client(generation).tools(Map.of("http://mcp/mcp", Map.of("Authorization", "Bearer t")));

			assertThat(tools).as(generation).hasSize(2);
			assertThat(tools.get(1).toString()).as(generation)
				.contains("\"identifier\":\"knowledge_search\"", "\"toolgroup_id\":\"builtin::rag\"",
						"\"provider_id\":\"rag-runtime\"", "\"type\":\"tool\"",
						"[{\"name\":\"query\",\"parameter_type\":\"string\",\"description\":\"The query to search for. "
								+ "Can be a natural language sentence or keywords.\",\"required\":true,\"default\":null}]");
			llamaStack.verify(getRequestedFor(urlEqualTo("/v1/tools?toolgroup_id=builtin%3A%3Arag")).withHeader(
					"X-LlamaStack-Provider-Data",
					equalTo("{\"mcp_headers\": {\"http://mcp/mcp\": {\"Authorization\": \"Bearer t\"}}}")));
		}
	}

	@Test
	void aLlamaStackWithoutToolGroupsHasNoTools() {
		llamaStack.stubFor(get("/v1/toolgroups").willReturn(notFound().withBody("{\"detail\":\"Not Found\"}")));
		assertThat(client("1.5.0").tools(Map.of())).isEmpty();
	}

	@Test
	void providersAndAnUnknownOne() {
		llamaStack.stubFor(get("/v1/providers").willReturn(okJson(capture("0.5.4", "providers.json"))));
		llamaStack.stubFor(get("/v1/providers/faiss").willReturn(okJson(capture("0.5.4", "provider.json"))));
		llamaStack.stubFor(get("/v1/providers/nope")
			.willReturn(jsonResponse("{\"detail\":\"Invalid value: Provider nope not found\"}", 400)));

		assertThat(client("0.5.4").providers()).extracting((p) -> p.path("api").asString()).contains("vector_io");
		assertThat(client("0.5.4").provider("faiss")).hasValueSatisfying(
				(provider) -> assertThat(provider.path("provider_type").asString()).isEqualTo("inline::faiss"));
		assertThat(client("0.5.4").provider("nope")).isEmpty();
	}

	@Test
	void aPromptIsChangedWithPostUpTo02AndWithPutAfter() {
		String id = "pmpt_35e78e7fae1dd024e234e75db7b0e06736e8bda281a3d97b";
		llamaStack.stubFor(post("/v1/prompts/" + id).willReturn(okJson(capture("0.2.22", "prompt_update.json"))));
		llamaStack.stubFor(put("/v1/prompts/" + id).willReturn(okJson(capture("0.5.4", "prompt_update.json"))));
		Map<String, Object> body = Map.of("prompt", "Summarize briefly: {{ text }}", "version", 1);

		assertThat(client("0.2.22").updatePrompt(id, body)).isPresent();
		llamaStack.verify(postRequestedFor(urlEqualTo("/v1/prompts/" + id))
			.withRequestBody(equalToJson("{\"prompt\":\"Summarize briefly: {{ text }}\",\"version\":1}")));
		assertThat(client("0.5.4").updatePrompt(id, body))
			.hasValueSatisfying((prompt) -> assertThat(prompt.path("version").asInt()).isEqualTo(2));
		llamaStack.verify(putRequestedFor(urlEqualTo("/v1/prompts/" + id)));
	}

	@Test
	void promptsLlamaStackDoesNotKnowAreEmptyAndTheirDeletionFalse() {
		for (String generation : new String[] { "0.2.22", "0.5.4", "ogx-1.5.0" }) {
			llamaStack.resetAll();
			String unknown = capture(generation, "prompt_unknown.json");
			int status = generation.startsWith("ogx") ? 404 : 400;
			llamaStack.stubFor(get("/v1/prompts/pmpt_x").willReturn(jsonResponse(unknown, status)));
			llamaStack.stubFor(delete("/v1/prompts/pmpt_x").willReturn(jsonResponse(unknown, status)));
			assertThat(client("0.5.4").prompt("pmpt_x", null)).as(generation).isEmpty();
			assertThat(client("0.5.4").deletePrompt("pmpt_x")).as(generation).isFalse();
		}
	}

}
