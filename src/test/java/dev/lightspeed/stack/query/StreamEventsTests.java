package dev.lightspeed.stack.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.lightspeed.stack.json.PythonJson;
import dev.lightspeed.stack.llamastack.TokenUsage;
import dev.lightspeed.stack.llamastack.TurnEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class StreamEventsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String ID = "6e3b1a4e-0f7c-4f7e-9d2a-3c5f2a1b9e10";

	@Test
	void plainAnswerIsWrittenExactlyAsLcsWritesIt() {
		String wire = wire(new TurnEvent.TurnStarted(), new TurnEvent.StepStarted("inference"),
				new TurnEvent.TextDelta("Kubernetes is"), new TurnEvent.TextDelta(" an orchestrator."),
				new TurnEvent.TurnCompleted("Kubernetes is an orchestrator."));
		assertThat(wire).isEqualTo(
				"""
						data: {"event": "start", "data": {"conversation_id": "6e3b1a4e-0f7c-4f7e-9d2a-3c5f2a1b9e10"}}

						data: {"event": "token", "data": {"id": 0, "token": ""}}

						data: {"event": "token", "data": {"id": 1, "role": "inference", "token": ""}}

						data: {"event": "token", "data": {"id": 2, "role": "inference", "token": "Kubernetes is"}}

						data: {"event": "token", "data": {"id": 3, "role": "inference", "token": " an orchestrator."}}

						data: {"event": "turn_complete", "data": {"id": 4, "token": "Kubernetes is an orchestrator."}}

						data: {"event": "end", "data": {"referenced_documents": [], "truncated": null, "input_tokens": 0, "output_tokens": 0}, "available_quotas": {}}

						""");
	}

	@Test
	void shieldViolationShowsTheMessageAndPythonReprOfTheMetadata() throws Exception {
		var violation = new TurnEvent.Violation("I can't answer that.", JSON.readTree("{\"violation_type\": \"S1\"}"));
		String wire = wire(new TurnEvent.TurnStarted(), new TurnEvent.ShieldChecked(violation),
				new TurnEvent.TurnCompleted("I can't answer that."));
		assertThat(wire).contains(
				"data: {\"event\": \"token\", \"data\": {\"id\": 1, \"role\": \"shield_call\", \"token\": \"Violation: I can't answer that. (Metadata: {'violation_type': 'S1'})\"}}\n\n");
	}

	@Test
	void shieldWithoutViolationEmitsNothingAndKeepsIdsDense() {
		String wire = wire(new TurnEvent.ShieldChecked(null), new TurnEvent.StepStarted("inference"));
		assertThat(wire).doesNotContain("No Violation").contains("{\"id\": 0, \"role\": \"inference\"");
	}

	@Test
	void toolExecutionEmitsCallsThenResponses() throws Exception {
		var call = new TurnEvent.ToolCall("c1", "knowledge_search", JSON.readTree("{\"query\": \"pod scheduling\"}"));
		var rag = new TurnEvent.ToolResponse("c1", "knowledge_search", JSON.readTree(
				"[{\"type\":\"text\",\"text\":\"knowledge_search tool found 2 chunks:\\nBEGIN of knowledge_search tool results.\\n\"}]"));
		var mcp = new TurnEvent.ToolResponse("c2", "list_pods",
				JSON.readTree("[{\"type\":\"text\",\"text\":\"pod-a\"}]"));
		var memory = new TurnEvent.ToolResponse("c3", "query_from_memory", JSON.readTree("\"abcd\""));
		String wire = wire(new TurnEvent.StepStarted("tool_execution"),
				new TurnEvent.ToolExecuted(List.of(call), List.of(rag, mcp, memory)));
		assertThat(wire).contains("{\"id\": 0, \"role\": \"tool_execution\", \"token\": \"\"}")
			.contains(
					"{\"id\": 1, \"role\": \"tool_execution\", \"token\": {\"tool_name\": \"knowledge_search\", \"arguments\": {\"query\": \"pod scheduling\"}}}")
			.contains(
					"{\"id\": 2, \"role\": \"tool_execution\", \"token\": {\"tool_name\": \"knowledge_search\", \"summary\": \"knowledge_search tool found 2 chunks:\"}}")
			.contains("{\"tool_name\": \"list_pods\", \"response\": \"pod-a\"}")
			.contains("{\"tool_name\": \"query_from_memory\", \"response\": \"Fetched 4 bytes from memory\"}");
	}

	@Test
	void errorAndUnknownStepsHaveTheirOwnEvents() {
		String wire = wire(new TurnEvent.Other("memory_retrieval"), new TurnEvent.StreamFailed("400: boom"),
				new TurnEvent.ToolCallDelta("list_pods"));
		assertThat(wire).contains("{\"event\": \"heartbeat\", \"data\": {\"id\": 0, \"token\": \"heartbeat\"}}")
			.contains("{\"event\": \"error\", \"data\": {\"id\": 1, \"token\": \"400: boom\"}}")
			.contains(
					"{\"event\": \"tool_call\", \"data\": {\"id\": 2, \"role\": \"inference\", \"token\": \"list_pods\"}}");
	}

	@Test
	void nonAsciiIsEscapedAsPythonDoes() {
		assertThat(wire(new TurnEvent.TextDelta("caf\u00e9"))).contains("\"token\": \"caf\\u00e9\"");
	}

	@Test
	void endShouldCarryTheQuotasLeftAtTheTopLevelAsLcs031Does() {
		Map<String, Long> quotas = new java.util.LinkedHashMap<>();
		quotas.put("user_daily", 4850L);
		quotas.put("cluster_monthly", -12L);
		assertThat(PythonJson.write(StreamEvents.end(List.of(), new TokenUsage(100, 50), quotas)))
			.isEqualTo("{\"event\": \"end\", \"data\": {\"referenced_documents\": [], \"truncated\": null, "
					+ "\"input_tokens\": 100, \"output_tokens\": 50}, \"available_quotas\": {\"user_daily\": 4850, "
					+ "\"cluster_monthly\": -12}}");
	}

	private static String wire(TurnEvent... turn) {
		StreamEvents events = new StreamEvents();
		List<Map<String, Object>> payloads = new ArrayList<>();
		payloads.add(StreamEvents.start(ID));
		for (TurnEvent event : turn) {
			payloads.addAll(events.map(event));
		}
		payloads.add(StreamEvents.end(List.of(), null, Map.of()));
		StringBuilder out = new StringBuilder();
		payloads.forEach((payload) -> out.append("data: ").append(PythonJson.write(payload)).append("\n\n"));
		return out.toString();
	}

}
