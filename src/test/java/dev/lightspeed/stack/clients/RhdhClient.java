package dev.lightspeed.stack.clients;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Arrays;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The Red Hat Developer Hub Lightspeed plugin ({@code useConversationMessages.ts},
 * real-clients §1.4; 2.x also lcs-0.3-to-0.7 §4). Its backend proxies the body unchanged,
 * so this is the browser's parser: UTF-8 decoded in streaming mode into a buffer split on
 * {@code \n\n}, the last piece kept for later; in each block the lines starting with
 * {@code data:}, 5 characters cut, trimmed and joined without a separator, then
 * {@code JSON.parse} in a try: a block that does not parse completes the message with
 * {@code 'Invalid JSON received'} and reading goes on. Reading ends when the body does
 * (2.x: also at {@code interrupted}).
 */
final class RhdhClient implements StreamClient {

	/**
	 * The plugin versions whose parsers differ.
	 */
	enum Version {

		/** 1.0.x-1.1.x: only tokens of role {@code inference}, no tool cards. */
		V1_0,

		/** 1.2.x-1.4.x: every token; tool cards from the LCS 0.3 {@code token} shapes. */
		V1_2,

		/**
		 * 2.x: also MCP-style tool events, {@code start.request_id}, {@code interrupted}.
		 */
		V2

	}

	private static final JsonNode EMPTY_OBJECT = JsonNodeFactory.instance.objectNode();

	private final Version version;

	RhdhClient(Version version) {
		this.version = version;
	}

	@Override
	public String userId() {
		return "user:default/guest";
	}

	@Override
	public String body(String query) {
		// the frontend's body; a new chat omits conversation_id, the backend adds
		// media_type
		return "{\"model\":\"fake-model\",\"provider\":\"vllm\",\"query\":" + Js.quote(query)
				+ ",\"attachments\":[],\"media_type\":\"application/json\"}";
	}

	@Override
	public HttpRequest.Builder request(URI uri, String query) {
		// no MCP token configured: the header is sent empty
		return StreamClient.super.request(uri, query).header("MCP-HEADERS", "");
	}

	@Override
	public ClientView read(NetworkChunks body) throws IOException {
		Shown shown = new Shown();
		TextDecoder decoder = new TextDecoder();
		Pieces blocks = new Pieces("\n\n");
		for (byte[] chunk = body.next(); chunk != null; chunk = body.next()) {
			for (String block : blocks.append(decoder.decode(chunk, true))) {
				String json = Arrays.stream(block.split("\n", -1))
					.filter((line) -> line.startsWith("data:"))
					.map((line) -> line.substring(5).strip())
					.collect(Collectors.joining());
				JsonNode parsed;
				try {
					parsed = Js.parse(json);
				}
				catch (Js.SyntaxError ex) {
					shown.error = "Invalid JSON received";
					continue;
				}
				if (!handle(parsed.path("event").asString(""), parsed.path("data"), shown)) {
					return shown.view();
				}
			}
		}
		return shown.view();
	}

	/**
	 * @return false when the client stops reading
	 */
	private boolean handle(String event, JsonNode data, Shown shown) {
		switch (event) {
			case "start" -> {
				// the UI is on its temporary conversation: the id becomes the real one
				shown.conversationId = Js.string(data.path("conversation_id"));
				if (this.version == Version.V2) {
					shown.requestId = data.path("request_id").asString("");
				}
			}
			case "token" -> {
				if (this.version != Version.V1_0 || "inference".equals(data.path("role").asString(null))) {
					shown.text.append(Js.string(Js.or(data.path("token"), JsonNodeFactory.instance.stringNode(""))));
				}
			}
			case "tool_call" -> {
				if (this.version != Version.V1_0) {
					toolCall(data, shown);
				}
			}
			case "tool_result" -> {
				if (this.version != Version.V1_0) {
					toolResult(data, shown);
				}
			}
			case "end" -> {
				shown.sources(data.path("referenced_documents"));
				shown.finished = true;
			}
			case "interrupted" -> {
				if (this.version == Version.V2) {
					shown.stopped = true;
					shown.finished = true;
					return false;
				}
			}
			default -> {
				// error, turn_complete, heartbeat and anything new: ignored
			}
		}
		return true;
	}

	private void toolCall(JsonNode data, Shown shown) {
		JsonNode token = data.path("token");
		if (token.isObject() && Js.truthy(token.path("tool_name"))) {
			shown.card(data.path("id"), Js.string(token.path("tool_name")),
					Js.or(token.path("arguments"), EMPTY_OBJECT).toString());
		}
		else if (this.version == Version.V2 && Js.truthy(data.path("name"))) {
			shown.card(data.path("id"), Js.string(data.path("name")),
					Js.or(Js.or(data.path("args"), data.path("arguments")), EMPTY_OBJECT).toString());
		}
	}

	private void toolResult(JsonNode data, Shown shown) {
		JsonNode token = data.path("token");
		if (token.isObject() && Js.truthy(token.path("tool_name"))) {
			String toolName = Js.string(token.path("tool_name"));
			shown.cards.stream()
				.filter((card) -> card.id.equals(data.path("id")) || card.name.equals(toolName))
				.findFirst()
				.ifPresent((card) -> card.response = Js.stringOrNull(token.path("response")));
		}
		else if (this.version == Version.V2) {
			String status = data.path("status").asString("");
			String content = Js.string(data.path("content"));
			shown.cardWithId(data.path("id"))
				.ifPresent((card) -> card.response = (status.isEmpty() || "success".equals(status)) ? content
						: "[" + status + "] " + content);
		}
	}

}
