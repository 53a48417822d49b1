package dev.lightspeed.stack.clients;

import java.io.IOException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;

/**
 * The OpenShift Lightspeed console plugin ({@code Prompt.tsx}, real-clients §3.5; an OLS
 * client reading the same dialect): UTF-8 decoded in streaming mode into a buffer split
 * into lines, the last partial line kept for later; lines starting with {@code data: }
 * given to {@code JSON.parse} (the description names no try/catch, so a line that does
 * not parse stops the answer with an error); acts only when both {@code event} and
 * {@code data} are truthy. Tokens of any role are appended; tool entries are kept by
 * {@code id}: {@code tool_call} sets {@code name} and {@code args}, {@code tool_result}
 * its {@code content} and {@code status}; {@code error} shows {@code response} and
 * {@code cause}; an unknown event only warns in the browser's console.
 */
final class ConsoleClient implements StreamClient {

	@Override
	public String userId() {
		return null;
	}

	@Override
	public String body(String query) {
		return "{\"attachments\":[],\"conversation_id\":null,\"media_type\":\"application/json\",\"query\":"
				+ Js.quote(query) + "}";
	}

	@Override
	public ClientView read(NetworkChunks body) throws IOException {
		Shown shown = new Shown();
		TextDecoder decoder = new TextDecoder();
		Pieces lines = new Pieces("\n");
		try {
			for (byte[] chunk = body.next(); chunk != null; chunk = body.next()) {
				for (String line : lines.append(decoder.decode(chunk, true))) {
					if (line.startsWith("data: ")) {
						JsonNode json = Js.parse(line.substring(6));
						if (Js.truthy(json.path("event")) && Js.truthy(json.path("data"))) {
							handle(Js.string(json.path("event")), json.path("data"), shown);
						}
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
		switch (event) {
			case "start" -> shown.conversationId = Js.string(data.path("conversation_id"));
			case "token" -> shown.text.append(Js.string(data.path("token")));
			case "tool_call" -> {
				Shown.Card card = shown.cardWithIdOrNew(data.path("id"));
				// an event without them makes an entry without a name or arguments
				card.name = data.path("name").isMissingNode() ? "" : Js.string(data.path("name"));
				card.arguments = data.path("args").isMissingNode() ? null : data.path("args").toString();
			}
			case "tool_result" ->
				shown.cardWithIdOrNew(data.path("id")).response = Js.stringOrNull(data.path("content"));
			case "error" -> shown.error = Stream.of(data.path("response"), data.path("cause"))
				.filter(Js::truthy)
				.map(Js::string)
				.collect(Collectors.joining(": "));
			case "end" -> {
				shown.sources(data.path("referenced_documents"));
				shown.finished = true;
			}
			default -> {
				// console.warn: unknown event
			}
		}
	}

}
