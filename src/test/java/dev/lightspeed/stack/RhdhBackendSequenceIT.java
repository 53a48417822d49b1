package dev.lightspeed.stack;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.support.ApplicationClient;
import dev.lightspeed.stack.support.LlamaStackStub;
import dev.lightspeed.stack.support.ResponsesLlamaStack;
import dev.lightspeed.stack.support.TestConfigurations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calls the RHDH Lightspeed plugin's backend 2.9.1 makes for a chat
 * (lcs-0.3-to-0.7-and-clients-2026.md §4), in its order and with its bytes: no
 * {@code Authorization}, the Backstage user in {@code ?user_id=}, a raw token or an empty
 * string in {@code MCP-HEADERS}, {@code vector_store_ids} from the store list, Stop by
 * {@code request_id}; then the sidebar and the feedback. The whole application runs in
 * front of Llama Stack 0.5.4's recorded answers (what RHDH ships).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RhdhBackendSequenceIT {

	@RegisterExtension
	static final LlamaStackStub llamaStack = LlamaStackStub.versionOnly();

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final String USER = "?user_id=" + URLEncoder.encode("user:default/guest", StandardCharsets.UTF_8);

	@TempDir
	static Path directory;

	private ApplicationClient app;

	private int port;

	@BeforeEach
	void connect(@LocalServerPort int port) {
		this.port = port;
		this.app = ApplicationClient.http(port);
		ResponsesLlamaStack.stub(llamaStack);
	}

	@Test
	void aChatWithToolsStopAndTheSidebarWorksAsThePluginCallsIt() throws Exception {
		// at start-up, and for the MCP settings panel
		JsonNode servers = json(this.app.send("GET", "/v1/mcp-servers"));
		assertThat(servers.path("servers").findValuesAsString("name")).contains("rhdh-mcp");

		// before the chat: any non-2xx would fail the chat
		HttpResponse<String> stores = this.app.send("GET", "/v1/vector-stores" + USER);
		assertThat(stores.statusCode()).isEqualTo(200);
		String store = json(stores).at("/data/0/id").stringValue();

		List<JsonNode> chat = stream(body("Please use the tool list_pods in namespace demo", null, store),
				"{\"rhdh-mcp\":{\"Authorization\":\"raw-backstage-token\"}}");
		JsonNode start = chat.getFirst();
		String conversation = start.at("/data/conversation_id").stringValue();
		assertThat(start.at("/data/request_id").stringValue()).hasSize(36);
		assertThat(events(chat)).contains("token", "tool_call", "tool_result").endsWith("turn_complete", "end");
		JsonNode toolCall = chat.stream()
			.filter((e) -> "tool_call".equals(e.at("/event").stringValue()) && e.at("/data/name").isString())
			.findFirst()
			.orElseThrow();
		assertThat(toolCall.at("/data/name").stringValue()).isEqualTo("list_pods");
		JsonNode toolResult = chat.stream()
			.filter((e) -> "tool_result".equals(e.at("/event").stringValue()))
			.findFirst()
			.orElseThrow();
		assertThat(toolResult.at("/data/content").stringValue()).isEqualTo("pod-a, pod-b in demo");
		assertThat(toolResult.at("/data/id").stringValue()).isEqualTo(toolCall.at("/data/id").stringValue());
		JsonNode turn = lastTurnSentToLlamaStack();
		assertThat(turn.at("/tools/0"))
			.isEqualTo(JSON.readTree("{\"type\":\"file_search\",\"vector_store_ids\":[\"" + store + "\"]}"));
		assertThat(turn.at("/tools/1/authorization").stringValue()).isEqualTo("raw-backstage-token");

		// a follow-up of a user without a token: MCP-HEADERS is an empty string
		List<JsonNode> followUp = stream(body("What is Kubernetes?", conversation, store), "");
		assertThat(followUp.getFirst().at("/data/conversation_id").stringValue()).isEqualTo(conversation);
		assertThat(events(followUp)).endsWith("turn_complete", "end");
		assertThat(lastTurnSentToLlamaStack().path("tools").findValuesAsString("type")).containsExactly("file_search");

		// Stop
		llamaStack.stubFor(post("/v1/responses").atPriority(1)
			.withRequestBody(containing("slow answer"))
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
				.withBody(ResponsesLlamaStack.capture("plain_stream.sse"))
				.withChunkedDribbleDelay(40, 20000)));
		assertThat(stopped(body("A slow answer please", conversation, store))).endsWith("interrupted", "end");

		// the UI's catalogue calls carry no user id
		assertThat(this.app.send("GET", "/v1/models").statusCode()).isEqualTo(200);
		assertThat(json(this.app.send("GET", "/v1/shields")).path("shields").findValuesAsString("identifier"))
			.containsExactly("inout_llama_guard");

		// the sidebar
		JsonNode list = json(this.app.send("GET", "/v2/conversations" + USER));
		assertThat(list.path("conversations").findValuesAsString("conversation_id")).contains(conversation);
		JsonNode history = json(this.app.send("GET", "/v2/conversations/" + conversation + USER));
		assertThat(history.path("chat_history")).isNotEmpty();
		assertThat(history.at("/chat_history/0/started_at").stringValue()).endsWith("Z");
		HttpResponse<String> renamed = this.app.send("PUT", "/v2/conversations/" + conversation + USER,
				"{\"topic_summary\":\"Pods in demo\"}");
		assertThat(json(renamed).path("success").asBoolean()).isTrue();
		assertThat(json(this.app.send("GET", "/v2/conversations" + USER)).path("conversations")
			.findValuesAsString("topic_summary")).contains("Pods in demo");

		// feedback
		assertThat(json(this.app.send("GET", "/v1/feedback/status" + USER)).at("/status/enabled").asBoolean()).isTrue();
		HttpResponse<String> feedback = this.app.send("POST", "/v1/feedback" + USER,
				"{\"conversation_id\":\"" + conversation + "\",\"user_question\":\"q\",\"llm_response\":\"a\","
						+ "\"user_feedback\":\"good\",\"sentiment\":1}");
		assertThat(feedback.body()).isEqualTo("{\"response\":\"feedback received\"}");

		assertThat(this.app.send("DELETE", "/v2/conversations/" + conversation + USER).statusCode()).isEqualTo(200);
		assertThat(this.app.send("GET", "/v2/conversations/" + conversation + USER).statusCode()).isEqualTo(404);
	}

	private static String body(String query, String conversation, String store) {
		return "{" + ((conversation != null) ? "\"conversation_id\":\"" + conversation + "\"," : "")
				+ "\"model\":\"fake-model\",\"provider\":\"openai\",\"query\":\"" + query + "\",\"attachments\":[],"
				+ "\"media_type\":\"application/json\",\"vector_store_ids\":[\"" + store + "\"]}";
	}

	private HttpResponse<Stream<String>> open(String body, String mcpHeaders) throws Exception {
		return HttpClient.newHttpClient()
			.send(this.app.request("/v1/streaming_query" + USER)
				.header("Content-Type", "application/json")
				.header("MCP-HEADERS", mcpHeaders)
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofLines());
	}

	private List<JsonNode> stream(String body, String mcpHeaders) throws Exception {
		HttpResponse<Stream<String>> response = open(body, mcpHeaders);
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body()
			.filter((line) -> line.startsWith("data: "))
			.map((line) -> JSON.readTree(line.substring(6)))
			.toList();
	}

	private List<String> stopped(String body) throws Exception {
		Iterator<String> lines = open(body, "").body().filter((line) -> line.startsWith("data: ")).iterator();
		List<JsonNode> events = new ArrayList<>(List.of(JSON.readTree(lines.next().substring(6))));
		String requestId = events.getFirst().at("/data/request_id").stringValue();
		events.add(JSON.readTree(lines.next().substring(6)));
		HttpResponse<String> interrupt = this.app.send("POST", "/v1/streaming_query/interrupt" + USER,
				"{\"request_id\":\"" + requestId + "\"}");
		assertThat(json(interrupt).path("interrupted").asBoolean()).isTrue();
		lines.forEachRemaining((line) -> events.add(JSON.readTree(line.substring(6))));
		return events(events);
	}

	private static List<String> events(List<JsonNode> events) {
		return events.stream().map((event) -> event.at("/event").stringValue()).toList();
	}

	private static JsonNode json(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private static JsonNode lastTurnSentToLlamaStack() {
		List<LoggedRequest> turns = llamaStack
			.findAll(postRequestedFor(urlEqualTo("/v1/responses")).withRequestBody(containing("\"stream\":true")));
		return JSON.readTree(turns.getLast().getBodyAsString());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Configuration {

		@Bean
		LightspeedConfiguration lightspeedConfiguration() {
			ResponsesLlamaStack.stub(llamaStack);
			return TestConfigurations.application("rhdh", llamaStack.baseUrl(), directory, """
					user_data_collection:
					  feedback_enabled: true
					  feedback_storage: %1$s/feedback
					  transcripts_enabled: true
					  transcripts_storage: %1$s/transcripts
					mcp_servers:
					- name: rhdh-mcp
					  url: http://rhdh.example:7007/api/mcp-actions/v1
					  authorization_headers:
					    Authorization: client
					""".formatted(directory));
		}

	}

}
