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

/**
 * The SSE events of each dialect, byte for byte.
 */
class StreamEventsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String ID = "6e3b1a4e-0f7c-4f7e-9d2a-3c5f2a1b9e10";

	private static final String REQUEST = "1ee9ed56-4e88-43e5-bab4-a205225f08e8";

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
	void theCompatibleDialectAddsWhatLaterClientsReadToTheSameEvents() throws Exception {
		var call = new TurnEvent.ToolCall("fc_1", "list_pods", JSON.readTree("{\"namespace\": \"demo\"}"));
		var result = new TurnEvent.ToolResponse("fc_1", "list_pods", JSON.readTree("\"pod-a, pod-b\""));
		var failed = new TurnEvent.ToolResponse("fc_2", "list_pods", JSON.readTree("\"Error (code 1)\""), true);
		String wire = compatibleWire(new TurnEvent.ToolExecuted(List.of(call), List.of(result, failed)),
				new TurnEvent.StreamFailed("Model gone", 502),
				new TurnEvent.TurnCompleted("done", new TokenUsage(12, 3), true));
		assertThat(wire)
			.startsWith("data: {\"event\": \"start\", \"data\": {\"conversation_id\": \"" + ID
					+ "\", \"request_id\": \"" + REQUEST + "\"}}\n\n")
			.contains("data: {\"event\": \"tool_call\", \"data\": {\"id\": \"fc_1\", \"role\": \"tool_execution\", "
					+ "\"token\": {\"tool_name\": \"list_pods\", \"arguments\": {\"namespace\": \"demo\"}}, "
					+ "\"name\": \"list_pods\", \"args\": {\"namespace\": \"demo\"}, \"type\": \"tool_call\"}}\n\n")
			.contains("data: {\"event\": \"tool_result\", \"data\": {\"id\": \"fc_1\", \"role\": \"tool_execution\", "
					+ "\"token\": {\"tool_name\": \"list_pods\", \"response\": \"pod-a, pod-b\"}, \"status\": \"success\", "
					+ "\"content\": \"pod-a, pod-b\", \"type\": \"tool_result\", \"round\": 1}}\n\n")
			.contains("\"id\": \"fc_2\"", "\"status\": \"failure\"")
			.contains(
					"data: {\"event\": \"error\", \"data\": {\"id\": 3, \"token\": \"Model gone\", \"status_code\": 502, "
							+ "\"response\": \"Unable to get an answer from Llama Stack\", \"cause\": \"Model gone\"}}\n\n")
			.endsWith("data: {\"event\": \"end\", \"data\": {\"referenced_documents\": [], \"truncated\": true, "
					+ "\"input_tokens\": 12, \"output_tokens\": 3}, \"available_quotas\": {}}\n\n");
	}

	@Test
	void lcs02KeepsToolAnswersAsToolCallEventsAndNoRequestId() throws Exception {
		var call = new TurnEvent.ToolCall("fc_1", "list_pods", JSON.readTree("{}"));
		var result = new TurnEvent.ToolResponse("fc_1", "list_pods", JSON.readTree("\"pod-a\""));
		String wire = wire(new TurnEvent.ToolExecuted(List.of(call), List.of(result)));
		assertThat(wire).doesNotContain("request_id", "tool_result", "fc_1")
			.contains("{\"event\": \"tool_call\", \"data\": {\"id\": 1, \"role\": \"tool_execution\", \"token\": "
					+ "{\"tool_name\": \"list_pods\", \"response\": \"pod-a\"}}}");
	}

	@Test
	void theCompatibleDialectLeavesOutToolCallEventsThatNameNoToolAndGivesKnowledgeSearchItsText() throws Exception {
		var call = new TurnEvent.ToolCall("c1", "knowledge_search", JSON.readTree("{\"query\": \"scaling\"}"));
		var rag = new TurnEvent.ToolResponse("c1", "knowledge_search",
				JSON.readTree("[{\"type\":\"text\",\"text\":\"found 1 chunks:\\nScale with oc scale.\"}]"));
		String wire = compatibleWire(new TurnEvent.ToolCallDelta("knowledge_search"),
				new TurnEvent.StepStarted("tool_execution"), new TurnEvent.ToolExecuted(List.of(call), List.of(rag)));
		assertThat(wire.split("\"event\": \"tool_call\"", -1)).hasSize(2);
		assertThat(wire).contains("\"token\": {\"tool_name\": \"knowledge_search\", \"summary\": \"found 1 chunks:\", "
				+ "\"response\": \"found 1 chunks:\\nScale with oc scale.\"}");
		assertThat(wire(new TurnEvent.ToolCallDelta("knowledge_search"), new TurnEvent.StepStarted("tool_execution")))
			.contains("\"role\": \"inference\", \"token\": \"knowledge_search\"",
					"\"role\": \"tool_execution\", \"token\": \"\"");
	}

	@Test
	void anInterruptedStreamSaysSoWithItsRequestId() {
		assertThat(PythonJson.write(StreamEvents.interrupted(REQUEST)))
			.isEqualTo("{\"event\": \"interrupted\", \"data\": {\"request_id\": \"" + REQUEST + "\"}}");
	}

	private static String wire(TurnEvent... turn) {
		return wire(StreamDialect.LCS_0_2, turn);
	}

	private static String compatibleWire(TurnEvent... turn) {
		return wire(StreamDialect.COMPATIBLE, turn);
	}

	private static String wire(StreamDialect dialect, TurnEvent... turn) {
		StreamEvents events = new StreamEvents(dialect);
		List<Map<String, Object>> payloads = new ArrayList<>();
		payloads.add(events.start(ID, REQUEST));
		TurnEvent.TurnCompleted completed = null;
		for (TurnEvent event : turn) {
			payloads.addAll(events.map(event));
			completed = (event instanceof TurnEvent.TurnCompleted c) ? c : completed;
		}
		payloads.add(StreamEvents.end(List.of(), (completed != null) ? completed.usage() : null,
				completed != null && completed.truncated()));
		StringBuilder out = new StringBuilder();
		payloads.forEach((payload) -> out.append("data: ").append(PythonJson.write(payload)).append("\n\n"));
		return out.toString();
	}

}
