package dev.lightspeed.stack.vectorstores;

import java.util.Map;
import java.util.Optional;

/**
 * Who created each vector store and file through this service. Kept in the database
 * rather than in the store's metadata, which its owner may rewrite and a file does not
 * have; replicas share it on PostgreSQL.
 */
interface KnowledgeOwners {

	/**
	 * Records the owner of something just created.
	 * @param kind what it is
	 * @param id its Llama Stack id
	 * @param userId the user who created it
	 */
	void record(Kind kind, String id, String userId);

	/**
	 * The owner of one thing.
	 * @param kind what it is
	 * @param id its id
	 * @return the user, empty when nobody created it through this service
	 */
	Optional<String> owner(Kind kind, String id);

	/**
	 * Every recorded owner of a kind.
	 * @param kind what
	 * @return id to user
	 */
	Map<String, String> owners(Kind kind);

	/**
	 * Forgets something deleted.
	 * @param kind what it was
	 * @param id its id
	 */
	void forget(Kind kind, String id);

	/**
	 * What is owned, as the database names it.
	 */
	enum Kind {

		/** A vector store. */
		VECTOR_STORE("vector_store"),

		/** An uploaded file. */
		FILE("file");

		private final String column;

		Kind(String column) {
			this.column = column;
		}

		String column() {
			return this.column;
		}

	}

}
