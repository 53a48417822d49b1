package dev.lightspeed.stack.llamastack;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;

/**
 * {@link LlamaStackKnowledge} for the connected Llama Stack: the OpenAI routes are under
 * {@code /v1/openai/v1} before 0.3.0 and under {@code /v1} from then on (0.4 removed the
 * prefixed copies). Creating, changing or deleting a store tells the catalogue cache, so
 * the next listing shows it.
 */
class KnowledgeClient implements LlamaStackKnowledge {

	private static final SemanticVersion UNPREFIXED = SemanticVersion.of("0.3.0");

	private final LlamaStackHttp http;

	private final Supplier<SemanticVersion> version;

	private final Runnable storesChanged;

	KnowledgeClient(LlamaStackHttp http, Supplier<SemanticVersion> version, Runnable storesChanged) {
		this.http = http;
		this.version = version;
		this.storesChanged = storesChanged;
	}

	static String openAiPrefix(SemanticVersion version) {
		return (version.compareTo(UNPREFIXED) < 0) ? "/v1/openai/v1" : "/v1";
	}

	private String stores() {
		return openAiPrefix(this.version.get()) + "/vector_stores";
	}

	@Override
	public VectorStore createVectorStore(Map<String, Object> body) {
		VectorStore created = VectorStore.of(this.http.post(stores(), body, JsonNode.class));
		this.storesChanged.run();
		return created;
	}

	@Override
	public Optional<VectorStore> vectorStore(String id) {
		return UpstreamErrors.ifKnown(() -> VectorStore.of(this.http.get(stores() + "/{id}", JsonNode.class, id)));
	}

	// OpenAI changes a store with POST
	@Override
	public Optional<VectorStore> updateVectorStore(String id, Map<String, Object> body) {
		Optional<VectorStore> updated = UpstreamErrors
			.ifKnown(() -> VectorStore.of(this.http.post(stores() + "/{id}", body, JsonNode.class, id)));
		this.storesChanged.run();
		return updated;
	}

	@Override
	public boolean deleteVectorStore(String id) {
		boolean deleted = UpstreamErrors.deleted(() -> this.http.delete(stores() + "/{id}", id));
		this.storesChanged.run();
		return deleted;
	}

	@Override
	public Optional<List<VectorStoreFile>> vectorStoreFiles(String vectorStoreId) {
		return UpstreamErrors.ifKnown(() -> OpenAiLists.all(this.http, stores() + "/{id}/files", vectorStoreId)
			.stream()
			.map((file) -> VectorStoreFile.of(file, vectorStoreId))
			.toList());
	}

	@Override
	public Optional<VectorStoreFile> addVectorStoreFile(String vectorStoreId, Map<String, Object> body) {
		return UpstreamErrors.ifKnown(() -> VectorStoreFile
			.of(this.http.post(stores() + "/{id}/files", body, JsonNode.class, vectorStoreId), vectorStoreId));
	}

	@Override
	public Optional<VectorStoreFile> vectorStoreFile(String vectorStoreId, String fileId) {
		return UpstreamErrors.ifKnown(() -> VectorStoreFile.of(
				this.http.get(stores() + "/{id}/files/{fileId}", JsonNode.class, vectorStoreId, fileId),
				vectorStoreId));
	}

	@Override
	public boolean removeVectorStoreFile(String vectorStoreId, String fileId) {
		return UpstreamErrors.deleted(() -> this.http.delete(stores() + "/{id}/files/{fileId}", vectorStoreId, fileId));
	}

	@Override
	public StoredFile uploadFile(FileUpload upload) {
		return StoredFile.of(this.http.upload(openAiPrefix(this.version.get()) + "/files", upload));
	}

	@Override
	public boolean deleteFile(String id) {
		return UpstreamErrors.deleted(() -> this.http.delete(openAiPrefix(this.version.get()) + "/files/{id}", id));
	}

}
