package dev.lightspeed.stack.llamastack;

import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conversations as agents and sessions, against a stubbed Llama Stack 0.2.22: one agent
 * per conversation, unknown agents (400 in 0.2.x) as absent.
 */
class AgentsApiConversationTests {

	@RegisterExtension
	static WireMockExtension llamaStack = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	private AgentsApiBackend backend(String apiKey) {
		return TestClients.agents(llamaStack.baseUrl(), apiKey);
	}

	@Test
	void createConversationShouldCreateOneAgentWithTheSpecAndOneSession() {
		llamaStack.stubFor(post("/v1/agents").willReturn(okJson("{\"agent_id\": \"agent-1\"}")));
		llamaStack.stubFor(post("/v1/agents/agent-1/session").willReturn(okJson("{\"session_id\": \"session-1\"}")));

		Conversation conversation = backend("k")
			.createConversation(new ConversationSpec("vllm/fake-model", "You are a helpful assistant",
					TurnInputs.shields(List.of("llama-guard", "inout_x"), List.of("inout_x"))));

		assertThat(conversation).isEqualTo(new Conversation("agent-1", "session-1"));
		llamaStack.verify(postRequestedFor(urlEqualTo("/v1/agents")).withRequestBody(equalToJson("""
				{"agent_config": {"model": "vllm/fake-model", "instructions": "You are a helpful assistant",
				 "toolgroups": [], "client_tools": [], "enable_session_persistence": true,
				 "input_shields": ["llama-guard", "inout_x"], "output_shields": ["inout_x"]}}""")));
		llamaStack.verify(postRequestedFor(urlEqualTo("/v1/agents/agent-1/session"))
			.withHeader("X-LlamaStack-Provider-Data", absent())
			.withRequestBody(matchingJsonPath("$.session_name", com.github.tomakehurst.wiremock.client.WireMock
				.matching("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"))));
		assertThat(llamaStack.findAll(postRequestedFor(urlEqualTo("/v1/agents")))).hasSize(1);
		assertThat(llamaStack.findAll(deleteRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.anyUrl())))
			.isEmpty();
	}

	@Test
	void findConversationShouldUseTheFirstSession() {
		llamaStack.stubFor(get("/v1/agents/agent-1/sessions").willReturn(
				okJson("""
						{"data": [{"session_id": "s-1", "session_name": "n", "turns": [], "started_at": "2025-09-20T10:00:00.000001Z"},
						 {"session_id": "s-2", "session_name": "m", "turns": []}], "has_more": false,
						 "url": "/v1/agents/{agent_id}/sessions"}""")));

		assertThat(backend(null).findConversation(new Conversation("agent-1", null)))
			.contains(new Conversation("agent-1", "s-1"));
	}

	@Test
	void findConversationOfAnUnknownAgentShouldBeEmpty() {
		llamaStack.stubFor(get("/v1/agents/nope/sessions").willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"detail\":\"Invalid value: Could not find agent info for nope\"}")));
		llamaStack.stubFor(get("/v1/agents/gone/sessions")
			.willReturn(aResponse().withStatus(404).withBody("{\"detail\":\"Agent gone not found\"}")));
		llamaStack.stubFor(get("/v1/agents/empty/sessions").willReturn(okJson("{\"data\": [], \"has_more\": false}")));

		assertThat(backend(null).findConversation(new Conversation("nope", null))).isEmpty();
		assertThat(backend(null).findConversation(new Conversation("gone", null))).isEmpty();
		assertThat(backend(null).findConversation(new Conversation("empty", null))).isEmpty();
	}

	@Test
	void historyShouldListEachTurnsInputAndOutputMessages() {
		llamaStack.stubFor(get("/v1/agents/a/sessions").willReturn(okJson("{\"data\": [{\"session_id\": \"s\"}]}")));
		llamaStack.stubFor(get("/v1/agents/a/session/s").willReturn(okJson("""
				{"session_id": "s", "session_name": "n", "started_at": "2025-09-20T10:00:00.000001Z", "turns": [
				  {"turn_id": "t1", "session_id": "s",
				   "input_messages": [{"role": "user", "content": "How do I scale?", "context": null}],
				   "steps": [], "output_message": {"role": "assistant", "content": "Use oc scale.",
				   "stop_reason": "end_of_turn", "tool_calls": []}, "output_attachments": [],
				   "started_at": "2025-09-20T10:00:00.090000Z", "completed_at": "2025-09-20T10:00:01.010000Z"},
				  {"turn_id": "t2", "session_id": "s",
				   "input_messages": [{"role": "user", "content": [{"type": "text", "text": "And?"}]}],
				   "output_message": {"role": "assistant", "content": "More."},
				   "started_at": "2025-09-20T10:01:00.000000Z", "completed_at": "2025-09-20T10:01:01.000000Z"}
				]}""")));

		List<ChatTurn> turns = backend(null).history(new Conversation("a", null)).orElseThrow();

		assertThat(turns).hasSize(2);
		assertThat(turns.get(0).messages()).extracting((m) -> m.content().toString(), ChatTurn.Message::type)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("\"How do I scale?\"", "user"),
					org.assertj.core.groups.Tuple.tuple("\"Use oc scale.\"", "assistant"));
		assertThat(turns.get(0).startedAt()).isEqualTo("2025-09-20T10:00:00.090000Z");
		assertThat(turns.get(0).completedAt()).isEqualTo("2025-09-20T10:00:01.010000Z");
		assertThat(turns.get(1).messages().get(0).content().toString())
			.isEqualTo("[{\"type\":\"text\",\"text\":\"And?\"}]");
	}

	@Test
	void historyOfAnUnknownAgentOrOneWithoutSessionsShouldBeEmpty() {
		llamaStack.stubFor(get("/v1/agents/nope/sessions").willReturn(aResponse().withStatus(400)
			.withBody("{\"detail\":\"Invalid value: Could not find agent info for nope\"}")));
		llamaStack.stubFor(get("/v1/agents/bare/sessions").willReturn(okJson("{\"data\": []}")));

		assertThat(backend(null).history(new Conversation("nope", null))).isEmpty();
		assertThat(backend(null).history(new Conversation("bare", null))).isEmpty();
	}

	@Test
	void deleteConversationShouldDeleteTheSessionAndThenTheAgent() {
		llamaStack.stubFor(get("/v1/agents/a/sessions").willReturn(okJson("{\"data\": [{\"session_id\": \"s\"}]}")));
		llamaStack.stubFor(delete("/v1/agents/a/session/s").willReturn(aResponse().withStatus(204)));
		llamaStack.stubFor(delete("/v1/agents/a").willReturn(aResponse().withStatus(204)));

		assertThat(backend(null).deleteConversation(new Conversation("a", null))).isTrue();

		List<String> deleted = llamaStack
			.findAll(deleteRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.anyUrl()))
			.stream()
			.map((request) -> request.getUrl())
			.toList();
		assertThat(deleted).containsExactly("/v1/agents/a/session/s", "/v1/agents/a");
	}

	@Test
	void deleteConversationOfAnUnknownAgentShouldReturnFalse() {
		llamaStack.stubFor(get("/v1/agents/nope/sessions").willReturn(aResponse().withStatus(400)
			.withBody("{\"detail\":\"Invalid value: Could not find agent info for nope\"}")));

		assertThat(backend(null).deleteConversation(new Conversation("nope", null))).isFalse();
		assertThat(llamaStack.findAll(deleteRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.anyUrl())))
			.isEmpty();
	}

	@Test
	void idsShouldBeEncodedAsOnePathSegment() {
		llamaStack.stubFor(get(urlEqualTo("/v1/agents/..%2Fmodels/sessions")).willReturn(okJson("{\"data\": []}")));

		assertThat(backend(null).findConversation(new Conversation("../models", null))).isEmpty();
		llamaStack.verify(getRequestedFor(urlEqualTo("/v1/agents/..%2Fmodels/sessions")));
	}

}
