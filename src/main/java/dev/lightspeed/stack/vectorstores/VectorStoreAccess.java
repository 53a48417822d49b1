package dev.lightspeed.stack.vectorstores;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import dev.lightspeed.stack.auth.AuthenticatedUser;
import dev.lightspeed.stack.errors.ApiException;
import dev.lightspeed.stack.llamastack.LlamaStackStatus;
import dev.lightspeed.stack.llamastack.LlamaStackKnowledge;
import dev.lightspeed.stack.llamastack.VectorStore;
import dev.lightspeed.stack.storage.Identifiers;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Who may use which vector store, the one rule behind every endpoint that names one
 * ({@code /v1/vector-stores…}, the {@code vector_store_ids} of a query, the
 * {@code file_search} tools of {@code /v1/responses}). A user reads and searches:
 * <ul>
 * <li>the stores they created through this service, which only they may change or
 * delete;</li>
 * <li>a store whose creator named them in its metadata {@code user_id}: the RHDH plugin
 * creates every notebook under its own identity and names the notebook's user there;</li>
 * <li>the shared stores, those nobody created through this service and
 * {@code lightspeed.knowledge.shared-vector-stores} lists (all of them by default);
 * nobody changes them here.</li>
 * </ul>
 * Any other store is answered as if it did not exist: 404.
 */
@Component
public class VectorStoreAccess {

	private final KnowledgeOwners owners;

	private final LlamaStackStatus llamaStack;

	private final LlamaStackKnowledge knowledge;

	private final KnowledgeProperties properties;

	VectorStoreAccess(KnowledgeOwners owners, LlamaStackStatus llamaStack, LlamaStackKnowledge knowledge,
			KnowledgeProperties properties) {
		this.owners = owners;
		this.llamaStack = llamaStack;
		this.knowledge = knowledge;
		this.properties = properties;
	}

	/**
	 * The stores a turn of this user searches.
	 * @param user the caller
	 * @param requested the stores the request names, null for every store the user may
	 * read
	 * @return the store ids
	 * @throws ApiException 404 for a requested store the user may not read
	 */
	public List<String> searchable(AuthenticatedUser user, @Nullable List<String> requested) {
		Map<String, String> owned = this.owners.owners(KnowledgeOwners.Kind.VECTOR_STORE);
		if (requested == null) {
			// the stores' metadata is read only if someone else's store may name the user
			Supplier<Map<String, VectorStore>> stores = SingletonSupplier
				.of(() -> byId(this.llamaStack.backend().vectorStores()));
			return this.llamaStack.backend().vectorStoreIds().stream().filter((id) -> {
				String owner = owned.get(id);
				return readable(user, id, owner,
						(owner == null || owner.equals(user.userId())) ? null : metadata(stores.get().get(id)));
			}).toList();
		}
		List<String> searched = new ArrayList<>();
		for (String id : requested) {
			requireReadable(user, id, owned);
			searched.add(id);
		}
		return searched;
	}

	/**
	 * The stores this user may read, for {@code GET /v1/vector-stores}.
	 */
	List<VectorStore> listed(AuthenticatedUser user) {
		Map<String, String> owned = this.owners.owners(KnowledgeOwners.Kind.VECTOR_STORE);
		return this.llamaStack.backend()
			.vectorStores()
			.stream()
			.filter((store) -> readable(user, store.id(), owned.get(store.id()), store.metadata()))
			.toList();
	}

	/**
	 * A store the user may read.
	 * @return the store as Llama Stack has it now
	 * @throws ApiException 404 otherwise
	 */
	VectorStore readable(AuthenticatedUser user, String id) {
		checkStorable(id);
		Optional<String> owner = this.owners.owner(KnowledgeOwners.Kind.VECTOR_STORE, id);
		if (owner.isEmpty() && !this.properties.shared(id)) {
			throw notFound(id);
		}
		VectorStore store = this.knowledge.vectorStore(id).orElseThrow(() -> notFound(id));
		if (!readable(user, id, owner.orElse(null), store.metadata())) {
			throw notFound(id);
		}
		return store;
	}

	/**
	 * Checks that the user created a store, which they alone may change.
	 * @throws ApiException 404 otherwise
	 */
	void requireOwned(AuthenticatedUser user, String id) {
		checkStorable(id);
		if (!this.owners.owner(KnowledgeOwners.Kind.VECTOR_STORE, id).filter(user.userId()::equals).isPresent()) {
			throw notFound(id);
		}
	}

	private void requireReadable(AuthenticatedUser user, String id, Map<String, String> owned) {
		checkStorable(id);
		String owner = owned.get(id);
		if (owner == null) {
			// a store nobody created here must exist to be searched
			if (!this.properties.shared(id) || !Set.copyOf(this.llamaStack.backend().vectorStoreIds()).contains(id)) {
				throw notFound(id);
			}
		}
		else if (!owner.equals(user.userId())) {
			// named in the metadata: read it now, another replica may have just written
			// it
			JsonNode metadata = this.knowledge.vectorStore(id).map(VectorStore::metadata).orElse(null);
			if (!readable(user, id, owner, metadata)) {
				throw notFound(id);
			}
		}
	}

	private boolean readable(AuthenticatedUser user, String id, @Nullable String owner, @Nullable JsonNode metadata) {
		if (owner == null) {
			return this.properties.shared(id);
		}
		return owner.equals(user.userId()) || (metadata != null && metadata.path("user_id").isString()
				&& user.userId().equals(metadata.path("user_id").stringValue()));
	}

	private static Map<String, VectorStore> byId(List<VectorStore> stores) {
		Map<String, VectorStore> byId = new HashMap<>();
		stores.forEach((store) -> byId.put(store.id(), store));
		return byId;
	}

	private static @Nullable JsonNode metadata(@Nullable VectorStore store) {
		return (store != null) ? store.metadata() : null;
	}

	private static void checkStorable(String id) {
		if (!Identifiers.isStorable(id)) {
			throw notFound(Identifiers.printable(id));
		}
	}

	static ApiException notFound(String id) {
		return ApiException.of(HttpStatus.NOT_FOUND, "Vector Store not found",
				"Vector Store with ID " + id + " does not exist");
	}

}
