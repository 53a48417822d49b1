package dev.lightspeed.stack.llamastack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The turn request: body, documents, toolgroups and the per-request MCP headers.
 */
class AgentTurnRequestTests {

	private static final String TURN = "/v1/agents/agent-1/session/session-1/turn";

	@RegisterExtension
	static WireMockExtension llamaStack = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	private LoggedRequest send(TurnInput input) {
		llamaStack.stubFor(post(TURN).willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
			.withBody("data: {\"event\":{\"payload\":{\"event_type\":\"turn_complete\",\"turn\":"
					+ "{\"output_message\":{\"content\":\"ok\"}}}}}\n\n")));
		try (TurnStream stream = TestClients.agents(llamaStack.baseUrl(), "ls-key")
			.streamTurn(new Conversation("agent-1", "session-1"), input)) {
			assertThat(stream.next()).isEqualTo(new TurnEvent.TurnCompleted("ok"));
			assertThat(stream.next()).isNull();
		}
		List<LoggedRequest> requests = llamaStack.findAll(postRequestedFor(urlEqualTo(TURN)));
		assertThat(requests).hasSize(1);
		return requests.getFirst();
	}

	@Test
	void noToolsShouldSendNullToolgroupsAndNoProviderData() {
		LoggedRequest request = send(TurnInputs.of("How do I scale?"));

		assertThat(request.getBodyAsString()).isEqualTo("{\"messages\":[{\"role\":\"user\",\"content\":"
				+ "\"How do I scale?\"}],\"stream\":true,\"documents\":[],\"toolgroups\":null}");
		assertThat(request.containsHeader("X-LlamaStack-Provider-Data")).isFalse();
		assertThat(request.getHeader("Authorization")).isEqualTo("Bearer ls-key");
		assertThat(request.containsHeader("X-LlamaStack-Client-Version")).isFalse();
	}

	@Test
	void emptyApiKeyShouldSendNoAuthorizationHeader() {
		llamaStack.stubFor(post(TURN).willReturn(aResponse().withBody("data: {\"error\": {\"message\": \"x\"}}\n\n")));

		try (TurnStream stream = TestClients.agents(llamaStack.baseUrl(), "")
			.streamTurn(new Conversation("agent-1", "session-1"), TurnInputs.of("q"))) {
			assertThat(stream.next()).isEqualTo(new TurnEvent.StreamFailed("x"));
		}

		assertThat(llamaStack.findAll(postRequestedFor(urlEqualTo(TURN))).getFirst().containsHeader("Authorization"))
			.isFalse();
	}

	@Test
	void ragAndMcpToolsShouldBeToolgroupsWithTheVectorStoresFirst() {
		Map<String, Map<String, String>> headers = new LinkedHashMap<>();
		headers.put("http://localhost:3000", Map.of("Authorization", "Bearer t1"));
		LoggedRequest request = send(TurnInputs.withTools("q", new TurnInput.Tools(List.of("vs_1", "vs_2"),
				TurnInputs.servers("filesystem-server", "git-server"), headers)));

		assertThat(request.getBodyAsString()).contains("\"toolgroups\":[{\"name\":\"builtin::rag/knowledge_search\","
				+ "\"args\":{\"vector_db_ids\":[\"vs_1\",\"vs_2\"]}},\"filesystem-server\",\"git-server\"]");
		assertThat(request.getHeader("X-LlamaStack-Provider-Data"))
			.isEqualTo("{\"mcp_headers\": {\"http://localhost:3000\": {\"Authorization\": \"Bearer t1\"}}}");
	}

	// the MCP server gets the value as it is: RHDH 2.x's bare token needs its scheme
	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			tok          | Bearer tok
			Bearer tok   | Bearer tok
			bearer tok   | bearer tok
			Basic dXNlcg | Basic dXNlcg
			""")
	void anAuthorizationHeaderShouldReachTheServerWithAScheme(String sent, String received) {
		LoggedRequest request = send(TurnInputs.withTools("q", new TurnInput.Tools(List.of(), TurnInputs.servers("k8s"),
				Map.of("http://k8s/mcp", Map.of("Authorization", sent, "X-Tenant", "t")))));

		assertThat(request.getHeader("X-LlamaStack-Provider-Data")).contains("\"Authorization\": \"" + received + "\"",
				"\"X-Tenant\": \"t\"");
	}

	@Test
	void mcpServersAloneShouldBePlainNames() {
		LoggedRequest request = send(
				TurnInputs.withTools("q", new TurnInput.Tools(List.of(), TurnInputs.servers("mcp-a"), Map.of())));

		assertThat(request.getBodyAsString()).endsWith("\"toolgroups\":[\"mcp-a\"]}");
	}

	@Test
	void offeredButEmptyToolsShouldSendNullToolgroupsAndAnEmptyProviderData() {
		LoggedRequest request = send(
				TurnInputs.withTools("q", new TurnInput.Tools(List.of(), TurnInputs.servers(), Map.of())));

		assertThat(request.getBodyAsString()).endsWith("\"toolgroups\":null}");
		assertThat(request.getHeader("X-LlamaStack-Provider-Data")).isEqualTo("{\"mcp_headers\": {}}");
	}

	@Test
	void jsonAndXmlDocumentsShouldBeSentAsPlainText() {
		send(TurnInputs.withDocuments("q",
				List.of(new TurnInput.Document("log", "{\"a\": 1}", "application/json"),
						new TurnInput.Document("log", "<a/>", "application/xml"),
						new TurnInput.Document("log", "kind: Pod", "application/yaml"),
						new TurnInput.Document("log", "log line", "text/plain"))));

		llamaStack.verify(postRequestedFor(urlEqualTo(TURN)).withHeader("Accept", equalTo("text/event-stream"))
			.withRequestBody(equalToJson("""
					{"messages": [{"role": "user", "content": "q"}], "stream": true, "toolgroups": null,
					 "documents": [{"content": "{\\"a\\": 1}", "mime_type": "text/plain"},
					               {"content": "<a/>", "mime_type": "text/plain"},
					               {"content": "kind: Pod", "mime_type": "application/yaml"},
					               {"content": "log line", "mime_type": "text/plain"}]}""")));
	}

	@Test
	void nonAsciiMcpHeaderValuesShouldBeEscapedAsPythonDoes() {
		LoggedRequest request = send(TurnInputs.withTools("q", new TurnInput.Tools(List.of(), TurnInputs.servers("m"),
				Map.of("http://m/mcp", Map.of("X-Name", "café")))));

		assertThat(request.getHeader("X-LlamaStack-Provider-Data"))
			.isEqualTo("{\"mcp_headers\": {\"http://m/mcp\": {\"X-Name\": \"caf\\u00e9\"}}}");
	}

	@Test
	void errorStatusBeforeTheStreamShouldBeAnApiException() {
		llamaStack.stubFor(post(TURN).willReturn(aResponse().withStatus(501)
			.withBody("{\"detail\":\"Not implemented: Non-streaming agent turns not yet implemented\"}")));

		assertThatExceptionOfType(LlamaStackApiException.class)
			.isThrownBy(() -> TestClients.agents(llamaStack.baseUrl(), null)
				.streamTurn(new Conversation("agent-1", "session-1"), TurnInputs.of("q")))
			.satisfies((ex) -> assertThat(ex.getMessage())
				.isEqualTo("Error code: 501 - Not implemented: Non-streaming agent turns not yet implemented"));
	}

	@Test
	void idsShouldStayOnePathSegmentEach() {
		llamaStack.stubFor(post(urlEqualTo("/v1/agents/a%2Fb/session/..%2Fx/turn"))
			.willReturn(aResponse().withBody("data: {\"error\": {\"message\": \"nope\"}}\n\n")));

		try (TurnStream stream = TestClients.agents(llamaStack.baseUrl(), null)
			.streamTurn(new Conversation("a/b", "../x"), TurnInputs.of("q"))) {
			assertThat(stream.next()).isEqualTo(new TurnEvent.StreamFailed("nope"));
		}
	}

}
