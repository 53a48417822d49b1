package dev.lightspeed.stack.query;

import java.util.List;
import java.util.Map;

import dev.lightspeed.stack.llamastack.TurnEvent;
import dev.lightspeed.stack.transcripts.Transcript;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class TurnAccumulatorTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void referencedDocumentsComeFromKnowledgeSearchMetadataWithUrlAndTitle() {
		JsonNode content = JSON.readTree(
				"""
						[{"type":"text","text":"knowledge_search tool found 3 chunks:\\nBEGIN of knowledge_search tool results.\\n"},
						 {"type":"text","text":"Result 1\\nContent: ABC\\nMetadata: {'docs_url': 'https://example.com/doc1', 'title': 'Doc1', 'document_id': 'doc-1', 'source': None}\\n"},
						 {"type":"text","text":"Result 2\\nContent: DEF\\nMetadata: {'docs_url': 'https://example.com/doc2', 'Title': 'Doc2', 'document_id': 'doc-2'}\\n"},
						 {"type":"text","text":"Result 3\\nContent: GHI\\nMetadata: {'docs_url': 'https://example.com/doc3', 'title': 'It\\\\'s Doc3', 'document_id': 'doc-3'}\\n"},
						 {"type":"text","text":"Result 4\\nContent: dup\\nMetadata: {'docs_url': 'https://example.com/doc1b', 'title': 'Doc1b', 'document_id': 'doc-1'}\\n"}]""");
		TurnAccumulator outcome = new TurnAccumulator();
		outcome.accept(new TurnEvent.ToolExecuted(
				List.of(new TurnEvent.ToolCall("c1", "knowledge_search", JSON.readTree("{\"query\":\"q\"}"))),
				List.of(new TurnEvent.ToolResponse("c1", "knowledge_search", content))));
		assertThat(outcome.referencedDocuments()).containsExactly(
				Map.of("doc_url", "https://example.com/doc1b", "doc_title", "Doc1b"),
				Map.of("doc_url", "https://example.com/doc3", "doc_title", "It's Doc3"));
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
	void violationsAndFailuresAreCounted() {
		TurnAccumulator outcome = new TurnAccumulator();
		outcome.accept(new TurnEvent.ShieldChecked(null));
		outcome.accept(new TurnEvent.ShieldChecked(new TurnEvent.Violation("no", JSON.readTree("{}"))));
		outcome.accept(new TurnEvent.StreamFailed("boom"));
		assertThat(outcome.violations()).isEqualTo(1);
		assertThat(outcome.failure()).isEqualTo("boom");
		assertThat(outcome.completed()).isFalse();
	}

}
