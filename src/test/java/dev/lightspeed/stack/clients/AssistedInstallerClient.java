package dev.lightspeed.stack.clients;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

/**
 * The assisted-installer chatbot ({@code ChatBotWindow.tsx}, {@code types.ts};
 * real-clients §3.3): the body split on {@code \n\n}, the last piece kept for later; the
 * {@code data:} lines of a block joined with {@code \n} and given to {@code JSON.parse}
 * with no try/catch, so a block that does not parse (an empty or comment block) aborts
 * the whole answer. Tokens of any role are appended. A {@code tool_call} whose
 * {@code token} has {@code arguments} only remembers them under its {@code id}; a tool's
 * answer is a {@code tool_result} whose {@code token} has {@code response}, or a
 * {@code tool_call} whose {@code token} has {@code response}
 * ({@code isOldToolResponseStreamEvent}, LCS 0.2.0's shape), and makes a card with the
 * arguments remembered under its own {@code id}. Without an {@code end} event the answer
 * is an error.
 */
final class AssistedInstallerClient implements StreamClient {

	static final String ERROR = "An error occured retrieving response";

	@Override
	public String userId() {
		// cookie authentication through the console's proxy: no user_id
		return null;
	}

	@Override
	public String body(String query) {
		// a new conversation's conversation_id is undefined, which JSON.stringify drops
		return "{\"query\":" + Js.quote(query) + "}";
	}

	@Override
	public ClientView read(NetworkChunks body) throws IOException {
		Shown shown = new Shown();
		Map<JsonNode, JsonNode> arguments = new HashMap<>();
		TextDecoder decoder = new TextDecoder();
		Pieces blocks = new Pieces("\n\n");
		try {
			for (byte[] chunk = body.next(); chunk != null; chunk = body.next()) {
				for (String block : blocks.append(decoder.decode(chunk, true))) {
					// the description says the data lines are joined; the value starts
					// after "data:" and the one space that follows
					String json = Arrays.stream(block.split("\n", -1))
						.filter((line) -> line.startsWith("data:"))
						.map((line) -> line.substring(line.startsWith("data: ") ? 6 : 5))
						.collect(Collectors.joining("\n"));
					JsonNode parsed = Js.parse(json);
					handle(parsed.path("event").asString(""), parsed.path("data"), shown, arguments);
				}
			}
		}
		catch (Js.SyntaxError ex) {
			shown.finished = false;
			shown.error = ERROR;
			return shown.view();
		}
		if (!shown.finished) {
			shown.error = ERROR;
		}
		return shown.view();
	}

	private static void handle(String event, JsonNode data, Shown shown, Map<JsonNode, JsonNode> arguments) {
		JsonNode token = data.path("token");
		switch (event) {
			case "start" -> shown.conversationId = Js.string(data.path("conversation_id"));
			case "token" -> shown.text.append(Js.string(token));
			case "tool_call" -> {
				if (token.has("response")) {
					toolAnswer(data, shown, arguments);
				}
				else if (token.has("arguments")) {
					arguments.put(data.path("id"), token.path("arguments"));
				}
			}
			case "tool_result" -> {
				if (token.has("response")) {
					toolAnswer(data, shown, arguments);
				}
			}
			case "end" -> shown.finished = true;
			default -> {
				// other events are not read
			}
		}
	}

	private static void toolAnswer(JsonNode data, Shown shown, Map<JsonNode, JsonNode> arguments) {
		JsonNode token = data.path("token");
		JsonNode called = arguments.get(data.path("id"));
		shown.card(data.path("id"), Js.string(token.path("tool_name")),
				(called != null) ? called.toString() : null).response = Js.string(token.path("response"));
	}

}
