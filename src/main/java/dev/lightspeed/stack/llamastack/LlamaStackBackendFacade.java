package dev.lightspeed.stack.llamastack;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import dev.lightspeed.stack.config.McpServerConfig;

/**
 * The {@link LlamaStackBackend} the rest of the service injects: forwards to the backend
 * chosen for the connected Llama Stack's version (503 while there is none) and caches the
 * catalogue (models, shields, vector stores) for a short time.
 */
class LlamaStackBackendFacade implements LlamaStackBackend {

	private final Supplier<LlamaStackBackend> backend;

	private final CatalogCache<List<Model>> models;

	private final CatalogCache<List<Shield>> shields;

	private final CatalogCache<List<String>> vectorStoreIds;

	private final CatalogCache<List<VectorStore>> vectorStores;

	LlamaStackBackendFacade(Supplier<LlamaStackBackend> backend, Duration catalogTtl, LongSupplier nanoClock) {
		this.backend = backend;
		this.models = new CatalogCache<>(() -> backend.get().models(), catalogTtl, nanoClock);
		this.shields = new CatalogCache<>(() -> backend.get().shields(), catalogTtl, nanoClock);
		this.vectorStoreIds = new CatalogCache<>(() -> backend.get().vectorStoreIds(), catalogTtl, nanoClock);
		this.vectorStores = new CatalogCache<>(() -> backend.get().vectorStores(), catalogTtl, nanoClock);
	}

	@Override
	public List<Model> models() {
		return this.models.get();
	}

	@Override
	public List<Shield> shields() {
		return this.shields.get();
	}

	@Override
	public List<String> vectorStoreIds() {
		return this.vectorStoreIds.get();
	}

	@Override
	public List<VectorStore> vectorStores() {
		return this.vectorStores.get();
	}

	/**
	 * A vector store was created, changed or deleted through this service: list them
	 * again next time.
	 */
	void vectorStoresChanged() {
		this.vectorStoreIds.invalidate();
		this.vectorStores.invalidate();
	}

	@Override
	public List<ProviderHealth> providers() {
		// readiness must see the current health, never a cached one
		return this.backend.get().providers();
	}

	@Override
	public Conversation createConversation(ConversationSpec spec) {
		return this.backend.get().createConversation(spec);
	}

	@Override
	public Optional<Conversation> findConversation(Conversation recorded) {
		return this.backend.get().findConversation(recorded);
	}

	@Override
	public TurnStream streamTurn(Conversation conversation, TurnInput input) {
		return this.backend.get().streamTurn(conversation, input);
	}

	@Override
	public boolean keepInterruptedTurn(Conversation conversation, TurnInput input, String partialAnswer) {
		return this.backend.get().keepInterruptedTurn(conversation, input, partialAnswer);
	}

	@Override
	public Optional<List<ChatTurn>> history(Conversation conversation) {
		return this.backend.get().history(conversation);
	}

	@Override
	public boolean deleteConversation(Conversation conversation) {
		return this.backend.get().deleteConversation(conversation);
	}

	@Override
	public void registerMcpServer(McpServerConfig server) {
		this.backend.get().registerMcpServer(server);
	}

	@Override
	public void unregisterMcpServer(String name) {
		this.backend.get().unregisterMcpServer(name);
	}

	@Override
	public String complete(String modelId, String instructions, String prompt) {
		return this.backend.get().complete(modelId, instructions, prompt);
	}

}
