package dev.lightspeed.stack.e2e;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calls the RHDH Lightspeed plugin's backend 2.9.1 makes for a chat
 * (lcs-0.3-to-0.7-and-clients-2026.md §4), in its order and with its bytes, against each
 * real Llama Stack generation: no {@code Authorization}, the Backstage user in
 * {@code ?user_id=}; the MCP servers, then the vector stores before the chat; a streamed
 * question with {@code vector_store_ids} from that list and a raw token in
 * {@code MCP-HEADERS} that reaches the MCP server; a follow-up; Stop by the
 * {@code request_id} of {@code start}; the sidebar (list, history, rename, delete) and
 * the feedback. The integration test {@code RhdhBackendSequenceIT} checks the same order
 * against recorded answers; this one proves it with the real servers.
 */
class RhdhPluginE2E {

	private static final Generation GENERATION = Generation.current();

	private static final String AS_USER = "?user_id=user%3Adefault%2Fguest";

	private static final String TOKEN = "raw-backstage-token";

	private static final String RAW_TOKEN_HEADERS = "{\"e2e-mcp\":{\"Authorization\":\"" + TOKEN + "\"}}";

	@RegisterExtension
	static final ServiceWithDocument stack = new ServiceWithDocument("e2e-rhdh-plugin",
			LightspeedService.userDataAndMcp() + "authentication:\n  module: noop\n");

	@Test
	void aChatWithAToolAFollowUpStopTheSidebarAndFeedbackAsThePluginCallsThem() throws Exception {
		// at start-up, for the MCP settings panel
		assertThat(ok(stack.http().get("/v1/mcp-servers")).path("servers").findValuesAsString("name"))
			.contains("e2e-mcp");
		// before the chat: any non-2xx fails it
		JsonNode stores = ok(stack.http().get("/v1/vector-stores" + AS_USER));
		assertThat(stores.path("data").findValuesAsString("id")).contains(stack.vectorStoreId());

		new Http("").delete(E2eEnvironment.mcpHeadersUrl());
		List<JsonNode> chat = stream(body("Please use the tool list_pods in namespace demo", null), RAW_TOKEN_HEADERS);
		JsonNode start = chat.getFirst().path("data");
		String conversation = start.path("conversation_id").asString();
		assertThat(start.path("request_id").asString()).hasSize(36);
		assertThat(SseParsers.names(chat)).contains("tool_call", "tool_result").endsWith("end").doesNotContain("error");
		assertThat(SseParsers.answer(chat)).contains("pod-a, pod-b in demo");
		assertThat(new Http("").get(E2eEnvironment.mcpHeadersUrl()).body()).as("what the MCP server received")
			.contains(TOKEN);

		// the same user's next question carries the same token (an empty MCP-HEADERS, a
		// user
		// without tokens, is BackstageE2E's; on 0.5.4 a turn without the token after one
		// with
		// it was once held 30 s by Llama Stack before the model was called)
		List<JsonNode> followUp = stream(body("What is Kubernetes?", conversation), RAW_TOKEN_HEADERS);
		assertThat(followUp.getFirst().path("data").path("conversation_id").asString()).isEqualTo(conversation);
		assertThat(SseParsers.names(followUp)).endsWith("end").doesNotContain("error");
		assertThat(SseParsers.answer(followUp)).isNotBlank();

		assertThat(stopped(body("slow-answer please", conversation))).endsWith("interrupted", "end")
			.doesNotContain("error");

		// the UI's catalogue calls carry no user id
		assertThat(stack.http().get("/v1/models").statusCode()).isEqualTo(200);
		assertThat(stack.http().get("/v1/shields").statusCode()).isEqualTo(200);

		sidebar(conversation);

		assertThat(ok(stack.http().get("/v1/feedback/status" + AS_USER)).path("status").path("enabled").asBoolean())
			.isTrue();
		JsonNode feedback = ok(stack.http().post("/v1/feedback" + AS_USER, """
				{"conversation_id": "%s", "user_question": "What is Kubernetes?", "llm_response": "a",
				 "user_feedback": "good", "sentiment": 1}""".formatted(conversation)));
		assertThat(feedback.path("response").asString()).isEqualTo("feedback received");

		assertThat(ok(stack.http().delete("/v2/conversations/" + conversation + AS_USER)).path("success").asBoolean())
			.isTrue();
		assertThat(stack.http().get("/v2/conversations/" + conversation + AS_USER).statusCode()).isEqualTo(404);
	}

	private static void sidebar(String conversation) throws Exception {
		JsonNode list = ok(stack.http().get("/v2/conversations" + AS_USER));
		assertThat(list.path("conversations").findValuesAsString("conversation_id")).contains(conversation);
		JsonNode history = ok(stack.http().get("/v2/conversations/" + conversation + AS_USER)).path("chat_history");
		assertThat(history.get(0).path("messages").get(0).path("content").asString())
			.isEqualTo("Please use the tool list_pods in namespace demo");
		assertThat(history.get(1).path("messages").get(0).path("content").asString()).isEqualTo("What is Kubernetes?");
		ok(stack.http().put("/v2/conversations/" + conversation + AS_USER, "{\"topic_summary\": \"Pods in demo\"}"));
		assertThat(ok(stack.http().get("/v2/conversations" + AS_USER)).path("conversations")
			.findValuesAsString("topic_summary")).contains("Pods in demo");
	}

	private static String body(String query, String conversation) {
		return """
				{%s"model": "%s", "provider": "%s", "query": "%s", "attachments": [],
				 "media_type": "application/json", "vector_store_ids": ["%s"]}""".formatted(
				(conversation != null) ? "\"conversation_id\": \"" + conversation + "\", " : "", GENERATION.model(),
				GENERATION.provider(), query, stack.vectorStoreId());
	}

	private static List<JsonNode> stream(String body, String mcpHeaders) throws Exception {
		HttpResponse<String> response = stack.http()
			.post("/v1/streaming_query" + AS_USER, body, Map.of("MCP-HEADERS", mcpHeaders));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		// read as the plugin's own reader reads it
		return SseParsers.rhdhPlugin(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
	}

	// Stop once the first words are on screen; the names of the events read
	private static List<String> stopped(String body) throws Exception {
		HttpResponse<InputStream> response = stack.http()
			.postStreaming("/v1/streaming_query" + AS_USER, body, Map.of("MCP-HEADERS", RAW_TOKEN_HEADERS));
		assertThat(response.statusCode()).isEqualTo(200);
		List<JsonNode> events = new ArrayList<>();
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
			String requestId = "";
			boolean stopped = false;
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				if (!line.startsWith("data: ")) {
					continue;
				}
				JsonNode event = Http.JSON.readTree(line.substring(6));
				events.add(event);
				if (event.path("event").asString().equals("start")) {
					requestId = event.path("data").path("request_id").asString();
				}
				else if (!stopped && event.path("event").asString().equals("token")
						&& !event.path("data").path("token").asString().isEmpty()) {
					JsonNode reply = ok(stack.http()
						.post("/v1/streaming_query/interrupt" + AS_USER, "{\"request_id\": \"" + requestId + "\"}"));
					assertThat(reply.path("interrupted").asBoolean()).isTrue();
					stopped = true;
				}
			}
			assertThat(stopped).as("a token came before the end").isTrue();
		}
		return SseParsers.names(events);
	}

	private static JsonNode ok(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return Http.json(response);
	}

}
