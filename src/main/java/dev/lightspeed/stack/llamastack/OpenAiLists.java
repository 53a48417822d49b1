package dev.lightspeed.stack.llamastack;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Reads every page of one of the OpenAI-style lists Llama Stack serves (vector stores,
 * their files): {@code data} with {@code has_more} and {@code last_id}, twenty items a
 * page unless asked for more.
 */
final class OpenAiLists {

	private static final int PAGE_SIZE = 100;

	// a server that keeps saying has_more must not keep a request busy for ever
	private static final int MAX_PAGES = 1000;

	private OpenAiLists() {
	}

	/**
	 * Every item of a list.
	 * @param http the client
	 * @param path the list's path with {@code {}} variables, no query
	 * @param variables values for the path's variables
	 * @return the items, in Llama Stack's order
	 */
	static List<JsonNode> all(LlamaStackHttp http, String path, Object... variables) {
		List<JsonNode> items = new ArrayList<>();
		String after = null;
		for (int page = 0; page < MAX_PAGES; page++) {
			JsonNode listed = (after == null) ? http.get(path + "?limit=" + PAGE_SIZE, JsonNode.class, variables) : http
				.get(path + "?limit=" + PAGE_SIZE + "&after={after}", JsonNode.class, append(variables, after));
			listed.path("data").valueStream().filter(JsonNode::isObject).forEach(items::add);
			String last = listed.path("last_id").stringValue("");
			if (!listed.path("has_more").asBoolean(false) || last.isEmpty() || last.equals(after)) {
				break;
			}
			after = last;
		}
		return items;
	}

	private static Object[] append(Object[] variables, Object value) {
		Object[] all = new Object[variables.length + 1];
		System.arraycopy(variables, 0, all, 0, variables.length);
		all[variables.length] = value;
		return all;
	}

}
