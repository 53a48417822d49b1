package dev.lightspeed.stack.llamastack;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.lightspeed.stack.llamastack.TurnEvent.DocumentsReferenced;
import dev.lightspeed.stack.llamastack.TurnEvent.StepStarted;
import dev.lightspeed.stack.llamastack.TurnEvent.StreamFailed;
import dev.lightspeed.stack.llamastack.TurnEvent.TextDelta;
import dev.lightspeed.stack.llamastack.TurnEvent.ToolExecuted;
import dev.lightspeed.stack.llamastack.TurnEvent.TurnCompleted;
import dev.lightspeed.stack.llamastack.TurnEvent.TurnStarted;
import dev.lightspeed.stack.support.Captures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Responses API streams of real servers (Llama Stack 0.5.4 and OGX 1.5.0, captured by
 * the e2e harness), replayed through the stream reader and mapped to turn events.
 */
class ResponsesEventsTests {

	private static final String KUBERNETES = "Kubernetes is an open-source container orchestration platform; it "
			+ "schedules pods, scales deployments and heals workloads, like a café that never closes.";

	private static List<TurnEvent> replay(String generation, String name) {
		ResponsesEvents events = new ResponsesEvents();
		try (SseTurnStream stream = new SseTurnStream(
				SseTurnStreamTests
					.exchange(new String(Captures.of(generation, name), java.nio.charset.StandardCharsets.UTF_8)),
				events::map)) {
			List<TurnEvent> read = new ArrayList<>();
			for (TurnEvent event = stream.next(); event != null; event = stream.next()) {
				read.add(event);
			}
			return read;
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "0.5.4", "ogx-1.5.0" })
	void aPlainAnswerStartsStreamsItsTextAndCompletesWithItsUsage(String generation) {
		List<TurnEvent> events = replay(generation, "plain_stream.sse");

		assertThat(events.subList(0, 2)).containsExactly(new TurnStarted(), new StepStarted("inference"));
		assertThat(events).filteredOn(TextDelta.class::isInstance)
			.map((event) -> ((TextDelta) event).text())
			.hasSizeGreaterThan(5)
			.satisfies((texts) -> assertThat(String.join("", texts)).isEqualTo(KUBERNETES));
		assertThat(events.getLast()).isEqualTo(new TurnCompleted(KUBERNETES, new TokenUsage(4, 21)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0.5.4", "ogx-1.5.0" })
	void anMcpCallIsOneToolExecutionWithItsArgumentsAndOutput(String generation) {
		List<TurnEvent> events = replay(generation, "mcp_stream.sse");

		assertThat(events).filteredOn(ToolExecuted.class::isInstance).singleElement().satisfies((executed) -> {
			ToolExecuted tool = (ToolExecuted) executed;
			assertThat(tool.calls()).singleElement().satisfies((call) -> {
				assertThat(call.toolName()).isEqualTo("list_pods");
				assertThat(call.arguments().toString()).isEqualTo("{\"namespace\":\"demo\"}");
			});
			assertThat(tool.responses()).singleElement().satisfies((response) -> {
				assertThat(response.callId()).isEqualTo(tool.calls().getFirst().callId());
				assertThat(InterleavedContent.flatten(response.content())).isEqualTo("pod-a, pod-b in demo");
				assertThat(response.failed()).isFalse();
			});
		});
		assertThat(events).contains(new StepStarted("tool_execution"));
		assertThat(events.getLast()).isInstanceOfSatisfying(TurnCompleted.class,
				(completed) -> assertThat(completed.outputText()).isEqualTo("The tool returned: pod-a, pod-b in demo"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0.5.4", "ogx-1.5.0" })
	void aFailedMcpCallIsReportedAsFailedAndTheTurnStillCompletes(String generation) {
		List<TurnEvent> events = replay(generation, "mcp_failed_stream.sse");

		assertThat(events).filteredOn(ToolExecuted.class::isInstance)
			.singleElement()
			.satisfies((executed) -> assertThat(((ToolExecuted) executed).responses().getFirst().failed()).isTrue());
		assertThat(events.getLast()).isInstanceOf(TurnCompleted.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "0.5.4", "ogx-1.5.0" })
	void aFileSearchIsAToolExecutionWithItsResults(String generation) {
		List<TurnEvent> events = replay(generation, "file_search_stream.sse");

		assertThat(events).filteredOn(ToolExecuted.class::isInstance).singleElement().satisfies((executed) -> {
			ToolExecuted tool = (ToolExecuted) executed;
			assertThat(tool.calls().getFirst().toolName()).isEqualTo("file_search");
			assertThat(tool.responses().getFirst().content().isArray()).isTrue();
			assertThat(tool.responses().getFirst().content().get(0).path("text").stringValue()).contains("scal");
		});
		// the harness's document has no title or URL, so nothing is a reference
		assertThat(events).noneMatch(DocumentsReferenced.class::isInstance);
		assertThat(events.getLast()).isInstanceOf(TurnCompleted.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "0.5.4", "ogx-1.5.0" })
	void anUnknownModelEndsTheStreamWithAFailureNamingIt(String generation) {
		List<TurnEvent> events = replay(generation, "error_unknown_model_stream.sse");

		assertThat(events).first().isEqualTo(new TurnStarted());
		assertThat(events.getLast()).isInstanceOfSatisfying(StreamFailed.class,
				(failed) -> assertThat(failed.message()).startsWith("Model 'no-such-model' not found."));
	}

	@ParameterizedTest
	@ValueSource(strings = { "ogx-1.5.0" })
	void anAnswerCutByATokenLimitCompletesTruncatedWithWhatCame(String generation) {
		List<TurnEvent> events = replay(generation, "max_output_tokens_stream.sse");

		assertThat(events.getLast()).isInstanceOfSatisfying(TurnCompleted.class, (completed) -> {
			assertThat(completed.truncated()).isTrue();
			assertThat(completed.outputText()).startsWith("Kubernetes is an open-source");
			assertThat(completed.usage()).isEqualTo(new TokenUsage(4, 16));
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "0.5.4", "ogx-1.5.0" })
	void aGuardrailRefusalCompletesWithTheRefusalOnlyOnce(String generation) {
		List<TurnEvent> events = replay(generation, "guardrails_output_stream.sse");

		assertThat(events).filteredOn(TurnCompleted.class::isInstance)
			.singleElement()
			.satisfies((completed) -> assertThat(((TurnCompleted) completed).outputText()).isNotEmpty());
	}

}
