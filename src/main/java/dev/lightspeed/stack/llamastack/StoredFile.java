package dev.lightspeed.stack.llamastack;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

/**
 * A file uploaded to Llama Stack's Files API, as LCS 0.5.1 shows it
 * ({@code FileResponse}).
 *
 * @param id the file's id ({@code file-…})
 * @param filename its name
 * @param bytes its size
 * @param createdAt upload time, Unix seconds
 * @param purpose always {@code assistants}
 * @param object always {@code file}
 */
public record StoredFile(String id, String filename, long bytes, @JsonProperty("created_at") long createdAt,
		String purpose, String object) {

	static StoredFile of(JsonNode file) {
		return new StoredFile(file.path("id").stringValue(""), file.path("filename").stringValue(""),
				file.path("bytes").asLong(0), file.path("created_at").asLong(0),
				file.path("purpose").stringValue("assistants"), file.path("object").stringValue("file"));
	}

}
