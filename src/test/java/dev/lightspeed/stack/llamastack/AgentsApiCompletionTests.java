package dev.lightspeed.stack.llamastack;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * One-off completions (topic summaries) on Llama Stack 0.2.x: one OpenAI-compatible chat
 * completion, where LCS 0.3.x made a temporary agent, a session and a turn.
 */
class AgentsApiCompletionTests {

	private static final String COMPLETIONS = "/v1/openai/v1/chat/completions";

	@RegisterExtension
	static WireMockExtension llamaStack = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	@Test
	void aCompletionShouldBeOneChatCompletionWithTheInstructionsAsSystemMessage() {
		llamaStack.stubFor(post(COMPLETIONS).willReturn(okJson("""
				{"id": "chatcmpl-1", "object": "chat.completion", "model": "vllm/fake-model",
				 "choices": [{"index": 0, "message": {"role": "assistant", "content": "Kubernetes Basics"},
				 "finish_reason": "stop"}]}""")));

		String answer = TestClients.agents(llamaStack.baseUrl(), null)
			.complete("vllm/fake-model", "You are a topic summarizer", "What is Kubernetes?");

		assertThat(answer).isEqualTo("Kubernetes Basics");
		llamaStack.verify(1, postRequestedFor(anyUrl()));
		llamaStack.verify(postRequestedFor(urlEqualTo(COMPLETIONS)).withRequestBody(equalToJson("""
				{"model": "vllm/fake-model", "stream": false,
				 "messages": [{"role": "system", "content": "You are a topic summarizer"},
				              {"role": "user", "content": "What is Kubernetes?"}]}""")));
	}

	@Test
	void aRefusedCompletionShouldNameLlamaStacksError() {
		llamaStack.stubFor(post(COMPLETIONS)
			.willReturn(aResponse().withStatus(400).withBody("{\"detail\": \"Invalid value: Model 'm' not found\"}")));

		assertThatExceptionOfType(LlamaStackApiException.class)
			.isThrownBy(() -> TestClients.agents(llamaStack.baseUrl(), null).complete("m", "i", "q"))
			.withMessageContaining("Model 'm' not found");
	}

	@Test
	void anAnswerWithoutContentShouldGiveEmptyText() {
		llamaStack.stubFor(post(COMPLETIONS).willReturn(okJson("{\"choices\": []}")));

		assertThat(TestClients.agents(llamaStack.baseUrl(), null).complete("m", "i", "q")).isEmpty();
	}

}
