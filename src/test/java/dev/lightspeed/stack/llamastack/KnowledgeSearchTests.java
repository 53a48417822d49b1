package dev.lightspeed.stack.llamastack;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documents behind the Agents API's knowledge search results.
 */
class KnowledgeSearchTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void documentsComeFromChunkMetadataWithUrlAndTitleOncePerDocumentId() {
		JsonNode content = JSON.readTree(
				"""
						[{"type":"text","text":"knowledge_search tool found 3 chunks:\\nBEGIN of knowledge_search tool results.\\n"},
						 {"type":"text","text":"Result 1\\nContent: ABC\\nMetadata: {'docs_url': 'https://example.com/doc1', 'title': 'Doc1', 'document_id': 'doc-1', 'source': None}\\n"},
						 {"type":"text","text":"Result 2\\nContent: DEF\\nMetadata: {'docs_url': 'https://example.com/doc2', 'Title': 'Doc2', 'document_id': 'doc-2'}\\n"},
						 {"type":"text","text":"Result 3\\nContent: GHI\\nMetadata: {'docs_url': 'https://example.com/doc3', 'title': 'It\\\\'s Doc3', 'document_id': 'doc-3'}\\n"},
						 {"type":"text","text":"Result 4\\nContent: dup\\nMetadata: {'docs_url': 'https://example.com/doc1b', 'title': 'Doc1b', 'document_id': 'doc-1'}\\n"}]""");
		assertThat(KnowledgeSearch.documents(content)).containsExactly(
				new ReferencedDocument("https://example.com/doc1b", "Doc1b"),
				new ReferencedDocument("https://example.com/doc3", "It's Doc3"));
	}

	@Test
	void theSummaryIsTheFirstLineOfTheFirstTextItem() {
		assertThat(KnowledgeSearch.summary(JSON.readTree("[{\"type\":\"text\",\"text\":\"found 3 chunks:\\nmore\"}]")))
			.isEqualTo("found 3 chunks:");
		assertThat(KnowledgeSearch.summary(JSON.readTree("[{\"type\":\"image\"}]"))).isEmpty();
		assertThat(KnowledgeSearch.summary(JSON.readTree("\"text\""))).isEmpty();
	}

}
