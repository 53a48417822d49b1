package dev.lightspeed.stack.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.lightspeed.stack.llamastack.ReferencedDocument;
import dev.lightspeed.stack.llamastack.TurnEvent;
import dev.lightspeed.stack.transcripts.Transcript;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class TurnAccumulatorTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void referencedDocumentsAreShownOnceEachInLcsShape() {
		TurnAccumulator outcome = new TurnAccumulator();
		outcome.accept(new TurnEvent.DocumentsReferenced(
				List.of(new ReferencedDocument("https://a", "A"), new ReferencedDocument(null, "No link"))));
		outcome.accept(new TurnEvent.DocumentsReferenced(List.of(new ReferencedDocument("https://a", "A"))));
		Map<String, String> noLink = new LinkedHashMap<>();
		noLink.put("doc_url", null);
		noLink.put("doc_title", "No link");
		assertThat(outcome.referencedDocuments()).containsExactly(Map.of("doc_url", "https://a", "doc_title", "A"),
				noLink);
	}

	@Test
	void toolCallsPairEachCallWithItsFlattenedResponse() {
		TurnAccumulator outcome = new TurnAccumulator();
		outcome.accept(new TurnEvent.ToolExecuted(
				List.of(new TurnEvent.ToolCall("c1", "list_pods", JSON.readTree("{\"namespace\":\"demo\"}")),
						new TurnEvent.ToolCall("c2", "other", JSON.readTree("\"raw\""))),
				List.of(new TurnEvent.ToolResponse("c1", "list_pods", JSON
					.readTree("[{\"type\":\"text\",\"text\":\"pod-a\"},{\"type\":\"text\",\"text\":\"pod-b\"}]")))));
		outcome.accept(new TurnEvent.TurnCompleted("done"));
		assertThat(outcome.toolCalls()).containsExactly(
				new Transcript.ToolCall("c1", "list_pods", JSON.readTree("{\"namespace\":\"demo\"}"), "pod-a pod-b"),
				new Transcript.ToolCall("c2", "other", JSON.readTree("\"raw\""), null));
		assertThat(outcome.answer()).isEqualTo("done");
		assertThat(outcome.completed()).isTrue();
	}

	@Test
	void aFailureAfterTheAnswerLeavesTheTurnUnanswered() {
		TurnAccumulator outcome = new TurnAccumulator();
		outcome.accept(new TurnEvent.TurnCompleted("partial"));
		outcome.accept(new TurnEvent.StreamFailed("boom"));
		assertThat(outcome.failure()).isEqualTo("boom");
		assertThat(outcome.completed()).isFalse();
	}

}
