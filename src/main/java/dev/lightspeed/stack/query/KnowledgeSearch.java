package dev.lightspeed.stack.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.lightspeed.stack.json.PythonLiteral;
import tools.jackson.databind.JsonNode;

/**
 * Reads results of the RAG tool {@code knowledge_search}: a summary line for the stream,
 * and the documents the answer drew on, from the Python-literal {@code Metadata:} dicts
 * Llama Stack prints into each chunk.
 */
final class KnowledgeSearch {

	static final String TOOL = "knowledge_search";

	private static final Pattern METADATA = Pattern.compile("\nMetadata: (\\{.+})\n");

	private KnowledgeSearch() {
	}

	/**
	 * The first line of the first text item (cut at its first newline when that is not at
	 * index 0).
	 */
	static String summary(JsonNode content) {
		if (!content.isArray() || content.isEmpty()) {
			return "";
		}
		JsonNode first = content.get(0);
		if (!"text".equals(first.path("type").asString(""))) {
			return "";
		}
		String text = first.path("text").asString("");
		int newline = text.indexOf('\n');
		return (newline > 0) ? text.substring(0, newline) : text;
	}

	/**
	 * Collects chunk metadata by {@code document_id}; a later duplicate replaces the
	 * value but keeps the position.
	 */
	static void collectMetadata(JsonNode content, Map<String, JsonNode> byDocumentId) {
		if (!content.isArray()) {
			return;
		}
		for (JsonNode item : content.values()) {
			if (!"text".equals(item.path("type").asString(""))) {
				continue;
			}
			Matcher matcher = METADATA.matcher(item.path("text").asString(""));
			while (matcher.find()) {
				try {
					JsonNode metadata = PythonLiteral.parse(matcher.group(1));
					if (metadata.isObject() && metadata.has("document_id")) {
						byDocumentId.put(metadata.get("document_id").asString(), metadata);
					}
				}
				catch (IllegalArgumentException ex) {
					// Unparsable metadata is skipped, as LCS does.
				}
			}
		}
	}

	/**
	 * The referenced documents: metadata entries that have both {@code docs_url} and
	 * {@code title}.
	 */
	static List<Map<String, String>> referencedDocuments(Map<String, JsonNode> byDocumentId) {
		return byDocumentId.values()
			.stream()
			.filter((metadata) -> metadata.hasNonNull("docs_url") && metadata.hasNonNull("title"))
			.map((metadata) -> {
				Map<String, String> document = new LinkedHashMap<>();
				document.put("doc_url", metadata.get("docs_url").asString());
				document.put("doc_title", metadata.get("title").asString());
				return document;
			})
			.toList();
	}

}
