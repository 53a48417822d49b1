package dev.lightspeed.stack.mcp;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.support.ApplicationClient;
import dev.lightspeed.stack.support.LlamaStackStub;
import dev.lightspeed.stack.support.TestConfigurations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server registered through {@code POST /v1/mcp-servers} in front of a WireMock Llama
 * Stack 0.2.22 (Agents API): it becomes a tool group at once, the next turn names it, and
 * its credentials travel in {@code X-LlamaStack-Provider-Data} as a proper {@code Bearer}
 * header, whether the client sent RHDH 2.x's bare token or the caller's own token is
 * forwarded ({@code kubernetes}, to the owner's turns only).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RuntimeMcpServerAgentsIT {

	@RegisterExtension
	static final LlamaStackStub llamaStack = LlamaStackStub.answeringQueries();

	private static final String TURN = "/v1/agents/[^/]+/session/s/turn";

	private static final String QUESTION = "{\"query\": \"Which pods run in demo?\"}";

	@TempDir
	static Path directory;

	private ApplicationClient app;

	@BeforeEach
	void connect(@LocalServerPort int port) {
		this.app = ApplicationClient.http(port);
		llamaStack.stubFor(delete(urlPathMatching("/v1/toolgroups/.+")).willReturn(okJson("null")));
		llamaStack.resetRequests();
	}

	// noop-with-token: the user is ?user_id=, the token anything
	private HttpResponse<String> as(String user, String method, String path, String body, String mcpHeaders) {
		return this.app.send(method, path + "?user_id=" + user, body,
				Map.of("Authorization", "Bearer " + user + "-token", "MCP-HEADERS", mcpHeaders));
	}

	private static LoggedRequest lastTurn() {
		return llamaStack.findAll(postRequestedFor(urlPathMatching(TURN))).getLast();
	}

	@Test
	void aRegisteredServerBecomesAToolGroupAndGetsTheClientsTokenAsBearer() {
		assertThat(as("alice", "POST", "/v1/mcp-servers", """
				{"name": "cluster-tools", "url": "http://mcp.example:8080/mcp",
				 "authorization_headers": {"Authorization": "client"}}""", "").statusCode()).isEqualTo(201);
		llamaStack.verify(postRequestedFor(urlEqualTo("/v1/toolgroups")).withRequestBody(equalToJson("""
				{"toolgroup_id": "cluster-tools", "provider_id": "model-context-protocol",
				 "mcp_endpoint": {"uri": "http://mcp.example:8080/mcp"}}""")));

		assertThat(as("bob", "POST", "/v1/query", QUESTION, "{\"cluster-tools\": {\"Authorization\": \"raw-token\"}}")
			.statusCode()).isEqualTo(200);
		assertThat(lastTurn().getBodyAsString()).contains("\"toolgroups\":[\"cluster-tools\"]");
		assertThat(lastTurn().getHeader("X-LlamaStack-Provider-Data")).isEqualTo(
				"{\"mcp_headers\": {\"http://mcp.example:8080/mcp\": {\"Authorization\": \"Bearer raw-token\"}}}");

		assertThat(as("alice", "DELETE", "/v1/mcp-servers/cluster-tools", "", "").body()).contains("\"deleted\":true");
		llamaStack.verify(deleteRequestedFor(urlEqualTo("/v1/toolgroups/cluster-tools")));
		as("bob", "POST", "/v1/query", QUESTION, "{\"cluster-tools\": {\"Authorization\": \"raw-token\"}}");
		assertThat(lastTurn().getBodyAsString()).contains("\"toolgroups\":null");
	}

	@Test
	void theCallersOwnTokenGoesOnlyToTheServersTheCallerRegistered() {
		as("alice", "POST", "/v1/mcp-servers", """
				{"name": "alices-cluster", "url": "http://alice.example/mcp",
				 "authorization_headers": {"Authorization": "kubernetes"}}""", "");

		as("alice", "POST", "/v1/streaming_query", QUESTION, "");
		assertThat(lastTurn().getBodyAsString()).contains("\"toolgroups\":[\"alices-cluster\"]");
		assertThat(lastTurn().getHeader("X-LlamaStack-Provider-Data")).isEqualTo(
				"{\"mcp_headers\": {\"http://alice.example/mcp\": {\"Authorization\": \"Bearer alice-token\"}}}");

		as("bob", "POST", "/v1/streaming_query", QUESTION, "");
		assertThat(lastTurn().getBodyAsString()).contains("\"toolgroups\":null");
		assertThat(lastTurn().getHeader("X-LlamaStack-Provider-Data")).doesNotContain("bob-token");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Configuration {

		@Bean
		LightspeedConfiguration lightspeedConfiguration() {
			return TestConfigurations.application("mcp-agents", llamaStack.baseUrl(), directory, """
					user_data_collection: {}
					authentication: {module: noop-with-token}
					inference: {default_provider: vllm, default_model: fake-model}
					""");
		}

	}

}
