package dev.lightspeed.stack.clients;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import tools.jackson.databind.JsonNode;

/**
 * The LCS reference UI ({@code services/api.ts}, {@code hooks/useChatbot.ts};
 * real-clients §3.2): each network chunk decoded and split on {@code \n} on its own, with
 * nothing carried to the next chunk, so an event split between two chunks is lost; lines
 * starting with {@code data: } given to {@code JSON.parse} (no try/catch described: a
 * line that does not parse stops the answer with an error). Tokens of any role are
 * appended; a {@code tool_call} whose {@code token} is an object with both
 * {@code tool_name} and {@code arguments} is shown as {@code tool_name(arguments)};
 * {@code end} lists {@code referenced_documents}; every other event is ignored.
 */
final class ReferenceUiClient implements StreamClient {

	@Override
	public String userId() {
		return null;
	}

	@Override
	public String body(String query) {
		return "{\"query\":" + Js.quote(query) + ",\"model\":\"fake-model\",\"provider\":\"vllm\",\"no_tools\":false,"
				+ "\"system_prompt\":\"You are a helpful assistant.\"}";
	}

	@Override
	public ClientView read(NetworkChunks body) throws IOException {
		Shown shown = new Shown();
		try {
			for (byte[] chunk = body.next(); chunk != null; chunk = body.next()) {
				for (String line : new String(chunk, StandardCharsets.UTF_8).split("\n", -1)) {
					if (line.startsWith("data: ")) {
						JsonNode json = Js.parse(line.substring(6));
						handle(json.path("event").asString(""), json.path("data"), shown);
					}
				}
			}
		}
		catch (Js.SyntaxError ex) {
			shown.error = ex.getMessage();
		}
		return shown.view();
	}

	private static void handle(String event, JsonNode data, Shown shown) {
		JsonNode token = data.path("token");
		switch (event) {
			case "start" -> shown.conversationId = Js.string(data.path("conversation_id"));
			case "token" -> shown.text.append(Js.string(token));
			case "tool_call" -> {
				if (token.isObject() && token.has("tool_name") && token.has("arguments")) {
					shown.card(Shown.undefined(), Js.string(token.path("tool_name")),
							token.path("arguments").toString());
				}
			}
			case "end" -> {
				shown.sources(data.path("referenced_documents"));
				shown.finished = true;
			}
			default -> {
				// ignored
			}
		}
	}

}
