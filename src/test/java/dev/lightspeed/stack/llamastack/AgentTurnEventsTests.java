package dev.lightspeed.stack.llamastack;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.lightspeed.stack.llamastack.TurnEvent.Other;
import dev.lightspeed.stack.llamastack.TurnEvent.ShieldChecked;
import dev.lightspeed.stack.llamastack.TurnEvent.StepStarted;
import dev.lightspeed.stack.llamastack.TurnEvent.StreamFailed;
import dev.lightspeed.stack.llamastack.TurnEvent.TextDelta;
import dev.lightspeed.stack.llamastack.TurnEvent.ToolCallDelta;
import dev.lightspeed.stack.llamastack.TurnEvent.ToolExecuted;
import dev.lightspeed.stack.llamastack.TurnEvent.TurnCompleted;
import dev.lightspeed.stack.llamastack.TurnEvent.TurnStarted;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each Agents API chunk shape (protocol §A.5) and the turn events it becomes, row by row
 * of lcs-behavior §8.3.
 */
class AgentTurnEventsTests {

	private static List<TurnEvent> map(String payload) {
		return AgentTurnEvents.map(bytes("{\"event\":{\"payload\":" + payload + "}}"));
	}

	@Test
	void errorLineShouldBeStreamFailedEvenWhenItIsNotCompact() {
		assertThat(AgentTurnEvents.map(bytes("{\"error\": {\"message\": \"502: Failed to connect\"}}")))
			.containsExactly(new StreamFailed("502: Failed to connect"));
	}

	@Test
	void turnStartShouldBeTurnStarted() {
		assertThat(map("{\"event_type\":\"turn_start\",\"turn_id\":\"t\"}")).containsExactly(new TurnStarted());
	}

	@Test
	void turnAwaitingInputShouldStartAndCompleteWithItsOutput() {
		assertThat(map("""
				{"event_type":"turn_awaiting_input","turn":{"output_message":{"role":"assistant",
				 "content":[{"type":"text","text":"Calling"},{"type":"image","image":{"data":"x"}}],
				 "tool_calls":[{"call_id":"c","tool_name":"t","arguments":{}}]}}}"""))
			.containsExactly(new TurnStarted(), new TurnCompleted("Calling <image>"));
	}

	@Test
	void turnCompleteShouldCarryTheFlattenedOutput() {
		assertThat(map("{\"event_type\":\"turn_complete\",\"turn\":{\"output_message\":{\"content\":\"Done.\"}}}"))
			.containsExactly(new TurnCompleted("Done."));
		assertThat(map("{\"event_type\":\"turn_complete\",\"turn\":{\"output_message\":null}}"))
			.containsExactly(new TurnCompleted(""));
	}

	@Test
	void shieldStepsShouldReportOnlyTheirResult() {
		assertThat(map("{\"event_type\":\"step_start\",\"step_type\":\"shield_call\",\"step_id\":\"s\","
				+ "\"metadata\":{\"touchpoint\":\"user-input\"}}"))
			.isEmpty();
		assertThat(map("{\"event_type\":\"step_complete\",\"step_type\":\"shield_call\",\"step_details\":"
				+ "{\"step_type\":\"shield_call\",\"violation\":null}}"))
			.containsExactly(new ShieldChecked(null));
		List<TurnEvent> violation = map("""
				{"event_type":"step_complete","step_type":"shield_call","step_details":{"violation":
				 {"violation_level":"error","user_message":null,"metadata":{"violation_type":"S1"}}}}""");
		assertThat(violation).singleElement().isInstanceOfSatisfying(ShieldChecked.class, (checked) -> {
			assertThat(checked.violation().userMessage()).isNull();
			assertThat(checked.violation().metadata().path("violation_type").stringValue()).isEqualTo("S1");
		});
	}

	@Test
	void inferenceStepShouldGiveItsStartTextAndToolCalls() {
		assertThat(map("{\"event_type\":\"step_start\",\"step_type\":\"inference\",\"step_id\":\"s\",\"metadata\":{}}"))
			.containsExactly(new StepStarted("inference"));
		assertThat(map("{\"event_type\":\"step_progress\",\"step_type\":\"inference\","
				+ "\"delta\":{\"type\":\"text\",\"text\":\"Hel\"}}"))
			.containsExactly(new TextDelta("Hel"));
		assertThat(
				map("{\"event_type\":\"step_progress\",\"step_type\":\"inference\",\"delta\":{\"type\":\"tool_call\","
						+ "\"tool_call\":\"{\\\"name\\\": \\\"kno\",\"parse_status\":\"in_progress\"}}"))
			.containsExactly(new ToolCallDelta("{\"name\": \"kno"));
		assertThat(
				map("{\"event_type\":\"step_progress\",\"step_type\":\"inference\",\"delta\":{\"type\":\"tool_call\","
						+ "\"tool_call\":{\"call_id\":\"c\",\"tool_name\":\"knowledge_search\",\"arguments\":{}},"
						+ "\"parse_status\":\"succeeded\"}}"))
			.containsExactly(new ToolCallDelta("knowledge_search"));
	}

	@Test
	void imageDeltasAndCompletedInferenceStepsShouldGiveNothing() {
		assertThat(map("{\"event_type\":\"step_progress\",\"step_type\":\"inference\","
				+ "\"delta\":{\"type\":\"image\",\"image\":\"aGk=\"}}"))
			.isEmpty();
		assertThat(map("{\"event_type\":\"step_complete\",\"step_type\":\"inference\",\"step_details\":"
				+ "{\"model_response\":{\"content\":\"x\"}}}"))
			.isEmpty();
	}

	@Test
	void toolExecutionStepShouldGiveItsStartAndItsCallsAndResponses() {
		assertThat(map("{\"event_type\":\"step_start\",\"step_type\":\"tool_execution\",\"metadata\":{}}"))
			.containsExactly(new StepStarted("tool_execution"));
		assertThat(map("{\"event_type\":\"step_progress\",\"step_type\":\"tool_execution\",\"delta\":"
				+ "{\"type\":\"tool_call\",\"tool_call\":{\"tool_name\":\"x\"},\"parse_status\":\"in_progress\"}}"))
			.isEmpty();
		List<TurnEvent> completed = map("""
				{"event_type":"step_complete","step_type":"tool_execution","step_details":{
				 "tool_calls":[{"call_id":"c1","tool_name":"list_pods","arguments":{"namespace":"demo"}},
				               {"call_id":"c2","tool_name":"brave_search","arguments":"raw"}],
				 "tool_responses":[{"call_id":"c1","tool_name":"list_pods","content":"pods","metadata":null}]}}""");
		assertThat(completed).singleElement().isInstanceOfSatisfying(ToolExecuted.class, (executed) -> {
			assertThat(executed.calls())
				.extracting(TurnEvent.ToolCall::callId, TurnEvent.ToolCall::toolName,
						(call) -> call.arguments().toString())
				.containsExactly(org.assertj.core.groups.Tuple.tuple("c1", "list_pods", "{\"namespace\":\"demo\"}"),
						org.assertj.core.groups.Tuple.tuple("c2", "brave_search", "\"raw\""));
			assertThat(executed.responses()).singleElement()
				.satisfies((response) -> assertThat(response.content().stringValue()).isEqualTo("pods"));
		});
	}

	@Test
	void otherStepTypesAndUnknownEventsShouldBeOther() {
		assertThat(map("{\"event_type\":\"step_start\",\"step_type\":\"memory_retrieval\"}"))
			.containsExactly(new Other("memory_retrieval"));
		assertThat(map("{\"event_type\":\"step_complete\",\"step_type\":\"memory_retrieval\",\"step_details\":{}}"))
			.containsExactly(new Other("memory_retrieval"));
		assertThat(map("{\"event_type\":\"turn_paused\"}")).containsExactly(new Other("turn_paused"));
	}

	private static byte[] bytes(String json) {
		return json.getBytes(StandardCharsets.UTF_8);
	}

}
