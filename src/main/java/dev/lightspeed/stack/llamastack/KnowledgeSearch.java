package dev.lightspeed.stack.llamastack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.lightspeed.stack.json.PythonLiteral;
import tools.jackson.databind.JsonNode;

/**
 * Reads the results of the Agents API's knowledge search tool ({@code knowledge_search}):
 * the documents the answer drew on, from the Python-literal {@code Metadata:} dicts Llama
 * Stack 0.2.x prints into each chunk.
 */
public final class KnowledgeSearch {

	/** The tool's name. */
	public static final String TOOL = "knowledge_search";

	private static final Pattern METADATA = Pattern.compile("\nMetadata: (\\{.+})\n");

	private KnowledgeSearch() {
	}

	/**
	 * The documents of one tool response: chunk metadata with both {@code docs_url} and
	 * {@code title}, once per {@code document_id}; a later duplicate replaces the value
	 * but keeps the position.
	 * @param content the tool response's content
	 * @return the documents
	 */
	static List<ReferencedDocument> documents(JsonNode content) {
		Map<String, JsonNode> byDocumentId = new LinkedHashMap<>();
		if (content.isArray()) {
			for (JsonNode item : content.values()) {
				if ("text".equals(item.path("type").asString(""))) {
					collect(item.path("text").asString(""), byDocumentId);
				}
			}
		}
		List<ReferencedDocument> documents = new ArrayList<>();
		for (JsonNode metadata : byDocumentId.values()) {
			if (metadata.hasNonNull("docs_url") && metadata.hasNonNull("title")) {
				documents
					.add(new ReferencedDocument(metadata.get("docs_url").asString(), metadata.get("title").asString()));
			}
		}
		return documents;
	}

	private static void collect(String text, Map<String, JsonNode> byDocumentId) {
		Matcher matcher = METADATA.matcher(text);
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

	/**
	 * The line the stream shows for a knowledge search result (LCS 0.2.0): the first line
	 * of the first text item (cut at its first newline when that is not at index 0).
	 * @param content the tool response's content
	 * @return the line, empty when there is no text item first
	 */
	public static String summary(JsonNode content) {
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

}
