package dev.lightspeed.stack.llamastack;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.lightspeed.stack.support.Captures;
import dev.lightspeed.stack.llamastack.TurnEvent.ShieldChecked;
import dev.lightspeed.stack.llamastack.TurnEvent.StepStarted;
import dev.lightspeed.stack.llamastack.TurnEvent.StreamFailed;
import dev.lightspeed.stack.llamastack.TurnEvent.TextDelta;
import dev.lightspeed.stack.llamastack.TurnEvent.ToolCallDelta;
import dev.lightspeed.stack.llamastack.TurnEvent.ToolExecuted;
import dev.lightspeed.stack.llamastack.TurnEvent.TurnCompleted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Turn streams captured from a real Llama Stack 0.2.22 (e2e harness), replayed through
 * WireMock and read as the query layer reads them.
 */
class CapturedTurnStreamsTests {

	private static final String TURN = "/v1/agents/a/session/s/turn";

	private static final String REFUSAL = "I can't answer that. Can I help with something else?";

	@RegisterExtension
	static WireMockExtension llamaStack = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	private List<TurnEvent> replay(String capture) {
		byte[] body = Captures.of(capture);
		// delivered in pieces, so events straddle reads as on a real connection
		llamaStack.stubFor(post(TURN).willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
			.withBody(body)
			.withChunkedDribbleDelay(7, 70)));
		List<TurnEvent> events = new ArrayList<>();
		try (TurnStream stream = TestClients.agents(llamaStack.baseUrl(), null)
			.streamTurn(new Conversation("a", "s"), TurnInputs.of("q"))) {
			for (TurnEvent event = stream.next(); event != null; event = stream.next()) {
				events.add(event);
			}
		}
		return events;
	}

	private static String text(List<TurnEvent> events) {
		return events.stream()
			.filter(TextDelta.class::isInstance)
			.map((event) -> ((TextDelta) event).text())
			.collect(Collectors.joining());
	}

	@Test
	void plainAnswerShouldStreamTextBetweenTwoPassingShields() {
		List<TurnEvent> events = replay("plain.sse");

		String answer = "Kubernetes is an open-source container orchestration platform; it schedules pods, "
				+ "scales deployments and heals workloads, like a café that never closes.";
		assertThat(events.getFirst()).isEqualTo(new ShieldChecked(null));
		assertThat(events.get(1)).isEqualTo(new StepStarted("inference"));
		assertThat(events.subList(2, 13)).allMatch(TextDelta.class::isInstance);
		assertThat(events.subList(13, events.size())).containsExactly(new ShieldChecked(null),
				new TurnCompleted(answer));
		assertThat(text(events)).isEqualTo(answer);
	}

	@Test
	void inputViolationShouldBeAShieldCheckAndTheRefusal() {
		List<TurnEvent> events = replay("input_violation.sse");

		assertThat(events).hasSize(2);
		ShieldChecked checked = (ShieldChecked) events.getFirst();
		assertThat(checked.violation().userMessage()).isEqualTo(REFUSAL);
		assertThat(checked.violation().metadata().toString()).isEqualTo("{\"violation_type\":\"S1\"}");
		assertThat(events.get(1)).isEqualTo(new TurnCompleted(REFUSAL));
	}

	@Test
	void outputViolationShouldFollowTheStreamedAnswerAndReplaceTheFinalText() {
		List<TurnEvent> events = replay("output_violation.sse");

		assertThat(text(events)).startsWith("Here is something the output shield must block");
		assertThat(events.get(events.size() - 2)).isInstanceOfSatisfying(ShieldChecked.class,
				(checked) -> assertThat(checked.violation().userMessage()).isEqualTo(REFUSAL));
		assertThat(events.getLast()).isEqualTo(new TurnCompleted(REFUSAL));
	}

	@Test
	void ragRoundShouldReportTheToolCallAndKnowledgeSearchResponse() {
		List<TurnEvent> events = replay("rag_tool.sse");

		assertThat(events.subList(0, 5)).containsExactly(new ShieldChecked(null), new StepStarted("inference"),
				new ToolCallDelta("knowledge_search"), new StepStarted("tool_execution"), events.get(4));
		ToolExecuted executed = (ToolExecuted) events.get(4);
		assertThat(executed.calls()).singleElement().satisfies((call) -> {
			assertThat(call.toolName()).isEqualTo("knowledge_search");
			assertThat(call.arguments().isObject()).isTrue();
		});
		assertThat(executed.responses()).singleElement().satisfies((response) -> {
			assertThat(response.toolName()).isEqualTo("knowledge_search");
			assertThat(response.callId()).isEqualTo(executed.calls().getFirst().callId());
			assertThat(InterleavedContent.flatten(response.content()))
				.startsWith("knowledge_search tool found 1 chunks:\nBEGIN of knowledge_search tool results.\n")
				.contains("Metadata: {'chunk_id': 'c-1', 'document_id': 'doc-1', 'source': None, "
						+ "'docs_url': 'https://docs.example/scale', 'title': 'Scaling'}");
		});
		assertThat(events.get(5)).isEqualTo(new TurnEvent.DocumentsReferenced(
				List.of(new ReferencedDocument("https://docs.example/scale", "Scaling"))));
		assertThat(events.get(6)).isEqualTo(new StepStarted("inference"));
		assertThat(events.getLast()).isInstanceOf(TurnCompleted.class);
	}

	@Test
	void mcpToolRoundShouldReportTheCallArgumentsAndResponse() {
		List<TurnEvent> events = replay("mcp_tool.sse");

		assertThat(events).contains(new ToolCallDelta("list_pods"));
		ToolExecuted executed = events.stream()
			.filter(ToolExecuted.class::isInstance)
			.map(ToolExecuted.class::cast)
			.findFirst()
			.orElseThrow();
		assertThat(executed.calls().getFirst().arguments().toString()).isEqualTo("{\"namespace\":\"demo\"}");
		assertThat(InterleavedContent.flatten(executed.responses().getFirst().content()))
			.isEqualTo("pod-a, pod-b in demo");
		assertThat(events.getLast()).isEqualTo(new TurnCompleted("The tool returned: pod-a, pod-b in demo"));
	}

	@Test
	void errorMidStreamShouldEndTheStreamWithStreamFailed() {
		List<TurnEvent> events = replay("error_midstream.sse");

		assertThat(text(events)).isEqualTo("Fail-midstream please is what you asked ");
		assertThat(events.getLast())
			.isEqualTo(new StreamFailed("500: Internal server error: An unexpected error occurred."));
	}

	@Test
	void unknownAgentShouldBeAStreamFailedOnly() {
		assertThat(replay("error_unknown_agent.sse")).containsExactly(new StreamFailed(
				"400: Invalid value: Could not find agent info for 00000000-0000-0000-0000-000000000000"));
	}

	@Test
	void followUpTurnShouldCarryTheWholeAnswer() {
		List<TurnEvent> events = replay("multi_turn.sse");

		assertThat(events.getLast()).isEqualTo(new TurnCompleted(text(events)));
		assertThat(text(events)).endsWith("You have asked 2 questions.");
	}

}
