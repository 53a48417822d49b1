package dev.lightspeed.stack.llamastack;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A conversation's history from its items ({@code GET /v1/conversations/{id}/items}).
 * Llama Stack orders items by whole seconds, so the items of two turns less than a second
 * or two apart interleave (user, user, assistant, assistant); turns are therefore rebuilt
 * by pairing the n-th question with the n-th answer, which each turn has one of, rather
 * than by position. Tool items are not part of the history LCS shows. Items carry no
 * times, so the turns have none.
 */
final class ResponsesItems {

	private ResponsesItems() {
	}

	static List<ChatTurn> turns(JsonNode items) {
		List<String> questions = new ArrayList<>();
		List<String> answers = new ArrayList<>();
		for (JsonNode item : items) {
			if (!"message".equals(item.path("type").stringValue("message"))) {
				continue;
			}
			String role = item.path("role").stringValue("");
			if ("user".equals(role)) {
				questions.add(text(item.path("content")));
			}
			else if ("assistant".equals(role)) {
				answers.add(text(item.path("content")));
			}
		}
		List<ChatTurn> turns = new ArrayList<>();
		for (int i = 0; i < questions.size(); i++) {
			List<ChatTurn.Message> messages = new ArrayList<>();
			messages.add(message(questions.get(i), "user"));
			if (i < answers.size()) {
				messages.add(message(answers.get(i), "assistant"));
			}
			turns.add(new ChatTurn(messages, null, null));
		}
		return turns;
	}

	private static ChatTurn.Message message(String text, String type) {
		return new ChatTurn.Message(JsonNodeFactory.instance.stringNode(text), type);
	}

	/**
	 * The text of a message's content: a string, or the concatenated text of its parts
	 * ({@code input_text}, {@code output_text}, {@code text}, {@code refusal}).
	 */
	static String text(JsonNode content) {
		if (content.isString()) {
			return content.stringValue();
		}
		StringBuilder text = new StringBuilder();
		for (JsonNode part : content) {
			JsonNode value = "refusal".equals(part.path("type").stringValue("")) ? part.path("refusal")
					: part.path("text");
			if (value.isString()) {
				text.append(value.stringValue());
			}
		}
		return text.toString();
	}

}
