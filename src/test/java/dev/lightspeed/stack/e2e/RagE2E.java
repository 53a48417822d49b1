package dev.lightspeed.stack.e2e;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RAG on every generation: a document with a title and a URL in a vector store the
 * service finds by itself, a document search the model asks for ({@code knowledge_search}
 * of the Agents API, {@code file_search} of the Responses API), and the documents it drew
 * on as {@code referenced_documents}, in the stream's {@code end} event and in
 * {@code /v1/query}'s answer.
 */
class RagE2E {

	private static final Generation GENERATION = Generation.current();

	@RegisterExtension
	static final ServiceWithDocument stack = new ServiceWithDocument("e2e-rag", "user_data_collection: {}\n");

	@Test
	void documentSearchResultsBecomeReferencedDocumentsOfTheStream() throws Exception {
		HttpResponse<String> response = stack.http()
			.post("/v1/streaming_query", "{\"query\":\"Search the docs for scaling\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		List<JsonNode> events = SseParsers.strictBlocks(response.body());
		JsonNode result = events.stream()
			.filter((event) -> event.path("event").asString().equals("tool_result"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no tool_result in " + response.body()));
		assertThat(result.path("data").path("token").path("tool_name").asString())
			.isEqualTo(GENERATION.documentSearchTool());
		assertThat(result.path("data").path("content").asString()).contains("oc scale deployment/web");
		JsonNode end = events.getLast();
		assertThat(end.path("event").asString()).isEqualTo("end");
		assertThat(end.path("data").path("referenced_documents").toString()).isEqualTo(ServiceWithDocument.REFERENCED);
	}

	@Test
	void documentSearchResultsBecomeReferencedDocumentsOfTheAnswer() throws Exception {
		HttpResponse<String> response = stack.http().post("/v1/query", "{\"query\":\"Search the docs for scaling\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(Http.json(response).path("referenced_documents").toString())
			.isEqualTo(ServiceWithDocument.REFERENCED);
	}

	@Test
	void theVectorStoreIsOneTheServiceLists() throws Exception {
		// RHDH 2.x lists them to pick vector_store_ids for a question
		HttpResponse<String> listed = stack.http().get("/v1/vector-stores");
		assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
		assertThat(listed.body()).contains(stack.vectorStoreId());
		HttpResponse<String> chosen = stack.http()
			.post("/v1/query", """
					{"query": "Search the docs for scaling", "vector_store_ids": ["%s"]}"""
				.formatted(stack.vectorStoreId()));
		assertThat(Http.json(chosen).path("referenced_documents").toString()).isEqualTo(ServiceWithDocument.REFERENCED);
	}

}
