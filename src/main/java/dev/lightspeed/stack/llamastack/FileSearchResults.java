package dev.lightspeed.stack.llamastack;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The documents behind the results of the Responses API's {@code file_search} tool: each
 * result's {@code attributes} name the document's URL ({@code doc_url}, {@code docs_url},
 * {@code url} or {@code link}) and title, as LCS 0.5 reads them. A result with neither is
 * no reference; the same document found twice counts once.
 */
final class FileSearchResults {

	private static final List<String> URL_KEYS = List.of("doc_url", "docs_url", "url", "link");

	private FileSearchResults() {
	}

	static List<ReferencedDocument> documents(JsonNode results) {
		Set<ReferencedDocument> documents = new LinkedHashSet<>();
		for (JsonNode result : results) {
			JsonNode attributes = result.path("attributes");
			String url = firstText(attributes, URL_KEYS);
			String title = firstText(attributes, List.of("title"));
			if (url != null || title != null) {
				documents.add(new ReferencedDocument(url, title));
			}
		}
		return new ArrayList<>(documents);
	}

	private static @Nullable String firstText(JsonNode attributes, List<String> keys) {
		for (String key : keys) {
			JsonNode value = attributes.path(key);
			if (value.isString() && !value.stringValue().isEmpty()) {
				return value.stringValue();
			}
		}
		return null;
	}

}
