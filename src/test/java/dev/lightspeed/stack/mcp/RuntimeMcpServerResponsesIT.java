package dev.lightspeed.stack.mcp;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.support.ApplicationClient;
import dev.lightspeed.stack.support.LlamaStackStub;
import dev.lightspeed.stack.support.TestConfigurations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server registered through {@code POST /v1/mcp-servers} is offered from the next turn
 * on, with the caller's credentials, by the whole application in front of a WireMock
 * Llama Stack 0.5.4 (Responses API): an inline {@code mcp} tool whose
 * {@code authorization} is the bare token RHDH 2.x sent; left out without one, and gone
 * once deleted. The database is SQLite, so the registration outlives nothing but the
 * test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RuntimeMcpServerResponsesIT {

	@RegisterExtension
	static final LlamaStackStub llamaStack = LlamaStackStub.versionOnly();

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final String SERVER = """
			{"name": "rhdh-actions", "url": "http://rhdh.example:7007/api/mcp-actions/v1",
			 "authorization_headers": {"Authorization": "client"}}""";

	// a plain answer, as Llama Stack 0.5 streams it
	private static final String ANSWER = Stream
		.of("{\"type\": \"response.created\", \"response\": {\"id\": \"resp_1\"}}",
				"{\"type\": \"response.output_text.delta\", \"delta\": \"Done.\"}",
				"{\"type\": \"response.completed\", \"response\": {\"id\": \"resp_1\", \"output\": [{\"type\": "
						+ "\"message\", \"id\": \"msg_1\", \"role\": \"assistant\", \"content\": [{\"type\": "
						+ "\"output_text\", \"text\": \"Done.\"}]}], \"usage\": {\"input_tokens\": 3, "
						+ "\"output_tokens\": 2}}}")
		.map((event) -> "data: " + event + "\n\n")
		.collect(Collectors.joining());

	@TempDir
	static Path directory;

	private ApplicationClient app;

	@BeforeEach
	void stubLlamaStack(@LocalServerPort int port) {
		this.app = ApplicationClient.http(port);
		llamaStack.resetRequests();
		llamaStack.stubFor(get("/v1/models").willReturn(okJson("""
				{"data": [{"id": "vllm/fake-model", "object": "model", "created": 0, "owned_by": "llama_stack",
				 "custom_metadata": {"model_type": "llm", "provider_id": "vllm",
				 "provider_resource_id": "fake-model"}}]}""")));
		llamaStack.stubFor(get("/v1/shields").willReturn(okJson("{\"data\": []}")));
		llamaStack.stubFor(
				get(urlPathEqualTo("/v1/vector_stores")).willReturn(okJson("{\"object\": \"list\", \"data\": []}")));
		llamaStack.stubFor(post("/v1/conversations").willReturn(okJson("{\"id\": \"conv_0123\"}")));
		llamaStack.stubFor(post("/v1/responses").withRequestBody(containing("\"stream\":false"))
			.willReturn(okJson("{\"output\": []}")));
		llamaStack.stubFor(post("/v1/responses").withRequestBody(containing("\"stream\":true"))
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(ANSWER)));
	}

	// noop-with-token: the user is ?user_id=, the token anything
	private HttpResponse<String> as(String user, String method, String path, String body, String mcpHeaders) {
		return this.app.send(method, path + "?user_id=" + user, body,
				Map.of("Authorization", "Bearer " + user + "-token", "MCP-HEADERS", mcpHeaders));
	}

	private List<JsonNode> mcpToolsOfTheLastTurn() {
		List<LoggedRequest> turns = llamaStack
			.findAll(postRequestedFor(urlEqualTo("/v1/responses")).withRequestBody(containing("\"stream\":true")));
		JsonNode tools = JSON.readTree(turns.getLast().getBodyAsString()).path("tools");
		return tools.valueStream().filter((tool) -> "mcp".equals(tool.path("type").stringValue(""))).toList();
	}

	@Test
	void aRegisteredServerIsOfferedFromTheNextTurnWithTheClientsToken() {
		assertThat(as("alice", "POST", "/v1/mcp-servers", SERVER, "").statusCode()).isEqualTo(201);

		String question = "{\"query\": \"Which entities do I own?\"}";
		HttpResponse<String> stream = as("bob", "POST", "/v1/streaming_query", question,
				"{\"rhdh-actions\": {\"Authorization\": \"bobs-backstage-token\"}}");
		assertThat(stream.statusCode()).isEqualTo(200);
		assertThat(stream.body()).contains("\"event\": \"end\"");
		assertThat(mcpToolsOfTheLastTurn()).singleElement().isEqualTo(JSON.readTree("""
				{"type": "mcp", "server_label": "rhdh-actions",
				 "server_url": "http://rhdh.example:7007/api/mcp-actions/v1", "require_approval": "never",
				 "authorization": "bobs-backstage-token"}"""));

		// RHDH sends an empty MCP-HEADERS when the user has no token: the server is left
		// out
		assertThat(as("bob", "POST", "/v1/query", question, "").statusCode()).isEqualTo(200);
		assertThat(mcpToolsOfTheLastTurn()).isEmpty();

		assertThat(as("alice", "DELETE", "/v1/mcp-servers/rhdh-actions", "", "").statusCode()).isEqualTo(200);
		as("bob", "POST", "/v1/query", question, "{\"rhdh-actions\": {\"Authorization\": \"bobs-backstage-token\"}}");
		assertThat(mcpToolsOfTheLastTurn()).isEmpty();
	}

	@Test
	void theListShowsRegisteredServersAsRhdhReadsThem() {
		as("alice", "POST", "/v1/mcp-servers", SERVER.replace("rhdh-actions", "listed"), "");
		JsonNode list = JSON.readTree(as("carol", "GET", "/v1/mcp-servers", "", "").body());
		assertThat(list.path("servers").valueStream().map((server) -> server.path("name").stringValue("")))
			.contains("listed");
		assertThat(list.toString()).doesNotContain("authorization", "client");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Configuration {

		@Bean
		LightspeedConfiguration lightspeedConfiguration() {
			llamaStack.stubFor(get("/v1/version").atPriority(1).willReturn(okJson("{\"version\": \"0.5.4\"}")));
			return TestConfigurations.application("mcp-responses", llamaStack.baseUrl(), directory, """
					user_data_collection: {}
					authentication: {module: noop-with-token}
					inference: {default_provider: vllm, default_model: fake-model}
					""");
		}

	}

}
