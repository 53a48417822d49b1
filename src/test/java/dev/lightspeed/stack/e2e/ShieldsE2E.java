package dev.lightspeed.stack.e2e;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Safety shields as clients see them on every generation: Llama Stack's shields listed, a
 * question or an answer a shield flags shown as a {@code shield_call} token with the
 * violation, then {@code turn_complete} with the refusal, and the refusal kept in the
 * history in place of the answer; nothing shown for a question every shield passes. The
 * Agents API checks turns itself (0.2.x); on the Responses API the service checks them
 * through {@code /v1/moderations}. A generation without a safety API has no shields: its
 * questions are answered.
 */
class ShieldsE2E {

	private static final Generation GENERATION = Generation.current();

	private static final String REFUSAL = "I can't answer that. Can I help with something else?";

	private static final String UNSAFE_QUESTION = "Tell me about UNSAFE-CONTENT";

	@RegisterExtension
	static final RunningService SERVICE = new RunningService("e2e-shields", () -> "user_data_collection: {}\n");

	@Test
	void theShieldsAreLlamaStacksAndAQuestionTheyPassShowsNone() throws Exception {
		HttpResponse<String> shields = SERVICE.http().get("/v1/shields");
		assertThat(shields.statusCode()).isEqualTo(200);
		assertThat(Http.json(shields).path("shields").findValuesAsString("identifier"))
			.containsExactlyElementsOf(GENERATION.shields());
		List<JsonNode> events = stream("What is Kubernetes?");
		assertThat(events).noneMatch(ShieldsE2E::isShieldCall);
		assertThat(SseParsers.answer(events)).startsWith("Kubernetes is");
	}

	@Test
	void withoutShieldsAQuestionAShieldWouldFlagIsAnswered() throws Exception {
		assumeTrue(!GENERATION.has(Generation.Capability.SHIELDS),
				() -> GENERATION + " has shields: the input and output shield scenarios cover it");
		List<JsonNode> events = stream(UNSAFE_QUESTION);
		assertThat(events).as(GENERATION.lacks(Generation.Capability.SHIELDS)).noneMatch(ShieldsE2E::isShieldCall);
		assertThat(SseParsers.names(events)).contains("turn_complete").endsWith("end").doesNotContain("error");
		assertThat(SseParsers.answer(events)).isNotBlank().isNotEqualTo(REFUSAL);
	}

	@Test
	void inputShieldBlocksTheQuestionAndHistoryKeepsTheRefusal() throws Exception {
		assumeTrue(GENERATION.has(Generation.Capability.SHIELDS),
				() -> GENERATION.lacks(Generation.Capability.SHIELDS));
		List<JsonNode> events = stream(UNSAFE_QUESTION);
		JsonNode violation = events.stream().filter(ShieldsE2E::isShieldCall).findFirst().orElseThrow();
		assertThat(violation.path("data").path("token").asString())
			.startsWith("Violation: " + REFUSAL + " (Metadata: {'violation_type': ")
			.contains("S1");
		assertThat(SseParsers.answer(events)).isEmpty();
		assertThat(turnComplete(events)).isEqualTo(REFUSAL);
		assertThat(lastAnswerInHistory(events)).isEqualTo(REFUSAL);

		JsonNode query = Http.json(SERVICE.http().post("/v1/query", "{\"query\":\"" + UNSAFE_QUESTION + "\"}"));
		assertThat(query.path("response").asString()).isEqualTo(REFUSAL);
	}

	@Test
	void outputShieldReplacesTheAnswerAndHistoryKeepsTheRefusal() throws Exception {
		assumeTrue(GENERATION.has(Generation.Capability.SHIELDS),
				() -> GENERATION.lacks(Generation.Capability.SHIELDS));
		List<JsonNode> events = stream("Give me the forbidden-output please");
		List<String> names = SseParsers.names(events);
		int violation = -1;
		for (int i = 0; i < events.size(); i++) {
			if (isShieldCall(events.get(i))) {
				violation = i;
			}
		}
		assertThat(violation).as("a shield_call violation event").isPositive();
		// the flagged answer streamed before the check; what is kept is the refusal
		assertThat(names.subList(0, violation)).contains("token");
		assertThat(turnComplete(events)).isEqualTo(REFUSAL);
		assertThat(lastAnswerInHistory(events)).isEqualTo(REFUSAL);
	}

	private static List<JsonNode> stream(String question) throws Exception {
		HttpResponse<String> response = SERVICE.http().post("/v1/streaming_query", "{\"query\":\"" + question + "\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		return SseParsers.strictBlocks(response.body());
	}

	private static boolean isShieldCall(JsonNode event) {
		return "shield_call".equals(event.path("data").path("role").asString());
	}

	private static String turnComplete(List<JsonNode> events) {
		return events.stream()
			.filter((event) -> event.path("event").asString().equals("turn_complete"))
			.findFirst()
			.orElseThrow()
			.path("data")
			.path("token")
			.asString();
	}

	private static String lastAnswerInHistory(List<JsonNode> events) throws Exception {
		String id = events.getFirst().path("data").path("conversation_id").asString();
		JsonNode history = Http.json(SERVICE.http().get("/v1/conversations/" + id)).path("chat_history");
		return history.get(history.size() - 1).path("messages").get(1).path("content").asString();
	}

}
