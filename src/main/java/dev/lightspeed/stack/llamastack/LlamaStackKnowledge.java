package dev.lightspeed.stack.llamastack;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Llama Stack's Vector Stores and Files APIs (OpenAI's), wherever the connected version
 * serves them: under {@code /v1/openai/v1} up to 0.2.x, under {@code /v1} from 0.3. Every
 * method throws {@link LlamaStackUnavailableException} when Llama Stack cannot be asked
 * and {@link LlamaStackApiException} when it refuses; "not found" answers (400 or 404, by
 * version) are empty results.
 */
public interface LlamaStackKnowledge {

	/**
	 * Creates a vector store.
	 * @param body the OpenAI request body ({@code name}, {@code metadata}, ...)
	 * @return the store
	 */
	VectorStore createVectorStore(Map<String, Object> body);

	/**
	 * A vector store.
	 * @param id its id
	 * @return the store, empty when unknown
	 */
	Optional<VectorStore> vectorStore(String id);

	/**
	 * Changes a vector store's name, expiry or metadata.
	 * @param id its id
	 * @param body the fields to change
	 * @return the store as changed, empty when unknown
	 */
	Optional<VectorStore> updateVectorStore(String id, Map<String, Object> body);

	/**
	 * Deletes a vector store.
	 * @param id its id
	 * @return false when it was unknown
	 */
	boolean deleteVectorStore(String id);

	/**
	 * The files of a vector store, every page of them.
	 * @param vectorStoreId the store
	 * @return the files, empty when the store is unknown
	 */
	Optional<List<VectorStoreFile>> vectorStoreFiles(String vectorStoreId);

	/**
	 * Adds an uploaded file to a vector store, which chunks and indexes it.
	 * @param vectorStoreId the store
	 * @param body {@code file_id}, {@code attributes}, {@code chunking_strategy}
	 * @return the store's file, empty when the store or the file is unknown
	 */
	Optional<VectorStoreFile> addVectorStoreFile(String vectorStoreId, Map<String, Object> body);

	/**
	 * A file of a vector store.
	 * @param vectorStoreId the store
	 * @param fileId the file
	 * @return the store's file, empty when either is unknown
	 */
	Optional<VectorStoreFile> vectorStoreFile(String vectorStoreId, String fileId);

	/**
	 * Removes a file from a vector store (the uploaded file stays).
	 * @param vectorStoreId the store
	 * @param fileId the file
	 * @return false when either was unknown
	 */
	boolean removeVectorStoreFile(String vectorStoreId, String fileId);

	/**
	 * Uploads a file with purpose {@code assistants}, streaming it as it is read.
	 * @param upload the file
	 * @return the file Llama Stack keeps
	 * @throws UploadAbortedException when reading the upload's stream failed
	 */
	StoredFile uploadFile(FileUpload upload);

	/**
	 * Deletes an uploaded file.
	 * @param id its id
	 * @return false when it was unknown
	 */
	boolean deleteFile(String id);

}
