package dev.lightspeed.stack.llamastack;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.lightspeed.stack.support.Captures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Responses API as such: refused with a 501 naming the version on Llama Stack 0.2.x,
 * and read event by event from what 0.5.4 and OGX 1.5.0 streamed, their two ways of
 * reporting a failure inside the stream both read as an OpenAI {@code error} event.
 */
class ResponsesClientTests {

	@RegisterExtension
	static WireMockExtension llamaStack = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	private static ResponsesClient client(String version) {
		return new ResponsesClient(TestClients.http(llamaStack.baseUrl(), null), () -> SemanticVersion.of(version));
	}

	private static List<ResponseEvent> events(String generation, String capture) {
		llamaStack.stubFor(post("/v1/responses").willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
			.withBody(new String(Captures.of(generation, capture), StandardCharsets.UTF_8))));
		List<ResponseEvent> events = new ArrayList<>();
		try (ResponseEvents stream = client(generation.replace("ogx-", "")).stream(Map.of("stream", true))) {
			for (ResponseEvent event = stream.next(); event != null; event = stream.next()) {
				events.add(event);
			}
		}
		return events;
	}

	@Test
	void theAgentsGenerationHasNoResponsesApi() {
		assertThatExceptionOfType(LlamaStackUnsupportedException.class)
			.isThrownBy(() -> client("0.2.22").requireResponsesApi())
			.satisfies((ex) -> {
				assertThat(ex.status().value()).isEqualTo(501);
				assertThat(ex.detail().toString()).contains("Not supported by the connected Llama Stack",
						"POST /v1/responses (the Responses API) needs Llama Stack 0.3.0 or later; the connected "
								+ "Llama Stack is 0.2.22");
			});
	}

	@Test
	void aStreamIsReadEventByEventToItsTerminalOne() {
		for (String generation : new String[] { "0.5.4", "ogx-1.5.0" }) {
			List<ResponseEvent> events = events(generation, "file_search_stream.sse");
			assertThat(events.getFirst().type()).isEqualTo("response.created");
			assertThat(events).filteredOn(ResponseEvent::terminal)
				.extracting(ResponseEvent::type)
				.as(generation)
				.containsExactly("response.completed");
			assertThat(LlamaStackResponses.completion(events.getLast().data().path("response")).outputText())
				.as(generation)
				.isNotEmpty();
		}
	}

	@Test
	void aFailureInsideTheStreamIsAnErrorEventOnEveryGeneration() {
		for (String generation : new String[] { "0.5.4", "ogx-1.5.0" }) {
			ResponseEvent last = events(generation, "error_unknown_model_stream.sse").getLast();
			assertThat(last.type()).as(generation).isEqualTo("error");
			assertThat(last.terminal()).isTrue();
			assertThat(last.data().path("message").asString()).as(generation).contains("no-such-model");
		}
	}

}
