package dev.lightspeed.stack.clients;

import java.io.IOException;

import tools.jackson.databind.JsonNode;

/**
 * lightspeed-evaluation ({@code core/api/streaming_parser.py}, real-clients §3.1):
 * httpx's {@code iter_lines()}, only lines starting with {@code data: } (with the space),
 * the prefix removed by {@code line.replace("data: ", "")} (so every {@code data: }
 * inside the line goes too), {@code json.loads} with bad JSON ignored. The answer is
 * {@code turn_complete}'s {@code token}; a {@code tool_call} whose {@code token} is an
 * object with both {@code tool_name} and {@code arguments} is a tool call; an
 * {@code error} event raises {@code Streaming API error: <token>}; at the end, no
 * conversation id or no answer raises too. What it raises is the error it reports.
 */
final class EvaluationClient implements StreamClient {

	@Override
	public String userId() {
		return null;
	}

	@Override
	public String body(String query) {
		// APIRequest with exclude_none
		return "{\"query\":" + Js.quote(query) + ",\"provider\":\"vllm\",\"model\":\"fake-model\"}";
	}

	@Override
	public ClientView read(NetworkChunks body) throws IOException {
		Shown shown = new Shown();
		TextDecoder decoder = new TextDecoder();
		// iter_lines splits on \r\n, \r and \n; the service writes \n only
		Pieces lines = new Pieces("\n");
		String answer = "";
		for (byte[] chunk = body.next(); chunk != null; chunk = body.next()) {
			for (String line : lines.append(decoder.decode(chunk, true))) {
				if (!line.startsWith("data: ")) {
					continue;
				}
				JsonNode parsed;
				try {
					parsed = Js.parse(line.replace("data: ", ""));
				}
				catch (Js.SyntaxError ex) {
					continue;
				}
				JsonNode data = parsed.path("data");
				JsonNode token = data.path("token");
				switch (parsed.path("event").asString("")) {
					case "start" -> shown.conversationId = data.path("conversation_id").asString("");
					case "turn_complete" -> answer = token.asString("");
					case "tool_call" -> {
						if (token.isObject() && token.has("tool_name") && token.has("arguments")) {
							shown.card(Shown.undefined(), token.path("tool_name").asString(""),
									token.path("arguments").toString());
						}
					}
					case "error" -> {
						shown.error = "Streaming API error: " + token.asString(token.toString());
						return shown.view();
					}
					default -> {
						// not read
					}
				}
			}
		}
		if (shown.conversationId.isEmpty()) {
			shown.error = "No Conversation ID found";
		}
		else if (answer.isEmpty()) {
			shown.error = "No final response found";
		}
		else {
			shown.text.append(answer);
			shown.finished = true;
		}
		return shown.view();
	}

}
