package dev.lightspeed.stack.e2e;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RAG through Llama Stack's {@code builtin::rag} tool group: a vector store the service
 * finds by itself, a knowledge search the model asks for, and the documents it drew on in
 * the stream's {@code end} event.
 */
class RagE2E {

	private static final Http llamaStack = new Http(E2eEnvironment.llamaStackUrl());

	private static String vectorStore;

	private static LightspeedService service;

	@BeforeAll
	static void start() throws Exception {
		HttpResponse<String> created = llamaStack.post("/v1/vector-dbs", """
				{"vector_db_id":"e2e-docs","embedding_model":"vllm/fake-embedding","embedding_dimension":8,
				 "provider_id":"faiss"}""");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
		vectorStore = Http.json(created).path("identifier").asString();
		HttpResponse<String> inserted = llamaStack.post("/v1/vector-io/insert", """
				{"vector_db_id":"%s","chunks":[{"content":"Use oc scale deployment/web --replicas=3 to scale.",
				 "metadata":{"document_id":"doc-1","docs_url":"https://docs.example/scale","title":"Scaling"},
				 "chunk_metadata":{"chunk_id":"c-1","document_id":"doc-1","source":null}}]}""".formatted(vectorStore));
		assertThat(inserted.statusCode()).as(inserted.body()).isEqualTo(200);
		service = LightspeedService.start(LightspeedService.configuration("e2e-rag", """
				user_data_collection: {}
				"""));
	}

	@AfterAll
	static void stop() throws Exception {
		if (service != null) {
			service.close();
		}
		if (vectorStore != null) {
			llamaStack.delete("/v1/vector-dbs/" + vectorStore);
		}
	}

	@Test
	void knowledgeSearchResultsBecomeReferencedDocuments() throws Exception {
		HttpResponse<String> response = new Http(service.url()).post("/v1/streaming_query",
				"{\"query\":\"Please use the tool knowledge_search query scale\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		List<JsonNode> events = SseParsers.strictBlocks(response.body());
		assertThat(response.body())
			.contains("\"tool_name\": \"knowledge_search\", \"summary\": \"knowledge_search tool found 1 chunks:\"");
		JsonNode end = events.getLast();
		assertThat(end.path("event").asString()).isEqualTo("end");
		assertThat(end.path("data").path("referenced_documents").toString())
			.isEqualTo("[{\"doc_url\":\"https://docs.example/scale\",\"doc_title\":\"Scaling\"}]");
		assertThat(SseParsers.answer(events)).contains("Use oc scale");
	}

}
