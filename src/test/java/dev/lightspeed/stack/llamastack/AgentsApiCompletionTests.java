package dev.lightspeed.stack.llamastack;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * One-off completions (topic summaries) through a temporary agent, against a stubbed
 * Llama Stack 0.2.22.
 */
class AgentsApiCompletionTests {

	@RegisterExtension
	static WireMockExtension llamaStack = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	private static final String TURN_COMPLETE = "data: {\"event\": {\"payload\": {\"event_type\": \"turn_complete\", "
			+ "\"turn\": {\"output_message\": {\"role\": \"assistant\", \"content\": \"Kubernetes Basics\"}}}}}\n\n";

	@Test
	void completionRunsInATemporaryAgentWithoutShieldsToolsOrPersistenceThatIsDeletedAfterwards() {
		stubAgent();
		llamaStack.stubFor(post("/v1/agents/tmp-1/session/s-1/turn")
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(TURN_COMPLETE)));

		String answer = TestClients.agents(llamaStack.baseUrl(), null)
			.complete("vllm/fake-model", "You are a topic summarizer", "What is Kubernetes?");

		assertThat(answer).isEqualTo("Kubernetes Basics");
		llamaStack.verify(postRequestedFor(urlEqualTo("/v1/agents")).withRequestBody(equalToJson("""
				{"agent_config": {"model": "vllm/fake-model", "instructions": "You are a topic summarizer",
				 "toolgroups": [], "client_tools": [], "enable_session_persistence": false,
				 "input_shields": [], "output_shields": []}}""")));
		llamaStack.verify(postRequestedFor(urlEqualTo("/v1/agents/tmp-1/session/s-1/turn"))
			.withHeader("X-LlamaStack-Provider-Data", absent())
			.withRequestBody(equalToJson("""
					{"messages": [{"role": "user", "content": "What is Kubernetes?"}], "stream": true,
					 "documents": [], "toolgroups": null}""")));
		llamaStack.verify(deleteRequestedFor(urlEqualTo("/v1/agents/tmp-1")));
	}

	@Test
	void failedTurnStillDeletesTheTemporaryAgent() {
		stubAgent();
		llamaStack.stubFor(post("/v1/agents/tmp-1/session/s-1/turn")
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
				.withBody("data: {\"error\": {\"message\": \"400: Invalid value: model gone\"}}\n\n")));

		assertThatExceptionOfType(LlamaStackApiException.class)
			.isThrownBy(() -> TestClients.agents(llamaStack.baseUrl(), null).complete("m", "i", "q"))
			.withMessageContaining("model gone");
		llamaStack.verify(deleteRequestedFor(urlEqualTo("/v1/agents/tmp-1")));
	}

	@Test
	void turnWithoutAnswerGivesEmptyText() {
		stubAgent();
		llamaStack.stubFor(post("/v1/agents/tmp-1/session/s-1/turn")
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody("")));

		assertThat(TestClients.agents(llamaStack.baseUrl(), null).complete("m", "i", "q")).isEmpty();
		llamaStack.verify(deleteRequestedFor(urlEqualTo("/v1/agents/tmp-1")));
	}

	private static void stubAgent() {
		llamaStack.stubFor(post("/v1/agents").willReturn(okJson("{\"agent_id\": \"tmp-1\"}")));
		llamaStack.stubFor(post("/v1/agents/tmp-1/session").willReturn(okJson("{\"session_id\": \"s-1\"}")));
		llamaStack.stubFor(delete("/v1/agents/tmp-1").willReturn(aResponse().withStatus(200)));
	}

}
