package dev.lightspeed.stack.e2e;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One text document in a vector store of the real Llama Stack, put there directly (as an
 * operator would, before the service starts) the way the generation takes it: chunks with
 * metadata inserted into a vector DB on 0.2.x; on the Responses generations an uploaded
 * file attached to a vector store, the title and URL as the attached file's attributes,
 * which file search hands back with each result. Closing it deletes what was made.
 */
final class VectorStoreDocument implements AutoCloseable {

	private final Http llamaStack;

	private final String vectorStoreId;

	private final String fileId;

	private VectorStoreDocument(Http llamaStack, String vectorStoreId, String fileId) {
		this.llamaStack = llamaStack;
		this.vectorStoreId = vectorStoreId;
		this.fileId = fileId;
	}

	/**
	 * Puts a document into a new vector store.
	 * @param generation the generation running
	 * @param text the document
	 * @param title its title
	 * @param url its URL
	 * @return the store with the document, searchable
	 */
	static VectorStoreDocument create(Generation generation, String text, String title, String url) throws Exception {
		Http llamaStack = new Http(E2eEnvironment.llamaStackUrl());
		return generation.agentsApi() ? inVectorDb(llamaStack, generation, text, title, url)
				: inVectorStore(llamaStack, text, title, url);
	}

	private static VectorStoreDocument inVectorDb(Http llamaStack, Generation generation, String text, String title,
			String url) throws Exception {
		String store = id(llamaStack.post("/v1/vector-dbs", """
				{"vector_db_id": "e2e-docs", "embedding_model": "%s/fake-embedding", "embedding_dimension": 8,
				 "provider_id": "faiss"}""".formatted(generation.provider())), "identifier");
		// without chunk_metadata knowledge_search fails on 0.2.22
		ok(llamaStack.post("/v1/vector-io/insert", """
				{"vector_db_id": "%s", "chunks": [{"content": %s,
				 "metadata": {"document_id": "doc-1", "docs_url": %s, "title": %s},
				 "chunk_metadata": {"chunk_id": "c-1", "document_id": "doc-1", "source": null}}]}""".formatted(store,
				quoted(text), quoted(url), quoted(title))));
		return new VectorStoreDocument(llamaStack, store, "");
	}

	private static VectorStoreDocument inVectorStore(Http llamaStack, String text, String title, String url)
			throws Exception {
		String file = id(llamaStack.postFile("/v1/files", "assistants", "scaling.txt", text), "id");
		String store = id(llamaStack.post("/v1/vector_stores", "{\"name\": \"e2e-docs\"}"), "id");
		VectorStoreDocument document = new VectorStoreDocument(llamaStack, store, file);
		try {
			ok(llamaStack.post("/v1/vector_stores/" + store + "/files", """
					{"file_id": "%s", "attributes": {"title": %s, "docs_url": %s}}""".formatted(file, quoted(title),
					quoted(url))));
			document.awaitIngested();
			return document;
		}
		catch (Exception | AssertionError ex) {
			// a store left behind would offer file search to every later scenario
			document.close();
			throw ex;
		}
	}

	// chunking and embedding may go on after the attach call returns (OGX runs it in
	// workers)
	private void awaitIngested() throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		JsonNode attached = Http
			.json(ok(this.llamaStack.get("/v1/vector_stores/" + this.vectorStoreId + "/files/" + this.fileId)));
		while (attached.path("status").asString().equals("in_progress") && Instant.now().isBefore(deadline)) {
			Thread.sleep(200);
			attached = Http
				.json(ok(this.llamaStack.get("/v1/vector_stores/" + this.vectorStoreId + "/files/" + this.fileId)));
		}
		assertThat(attached.path("status").asString()).as("the document in the vector store: " + attached)
			.isEqualTo("completed");
	}

	String vectorStoreId() {
		return this.vectorStoreId;
	}

	@Override
	public void close() throws Exception {
		if (this.fileId.isEmpty()) {
			this.llamaStack.delete("/v1/vector-dbs/" + this.vectorStoreId);
			return;
		}
		this.llamaStack.delete("/v1/vector_stores/" + this.vectorStoreId);
		this.llamaStack.delete("/v1/files/" + this.fileId);
	}

	private static String id(HttpResponse<String> created, String field) {
		return Http.json(ok(created)).path(field).asString();
	}

	private static HttpResponse<String> ok(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response;
	}

	private static String quoted(String text) {
		return Http.JSON.writeValueAsString(text);
	}

}
