package dev.lightspeed.stack.llamastack;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.lightspeed.stack.support.Captures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The Responses API backend against WireMock answering with the bytes real servers sent
 * (Llama Stack 0.5.4, captured by the e2e harness): what it sends for a turn, how shields
 * and stopped turns reach the conversation, history, deletion and one-off completions.
 */
class ResponsesApiBackendTests {

	private static final String GENERATION = "0.5.4";

	// the ids of the capture run, read rather than written out: a new run of
	// e2e/capture.sh changes only ids
	private static final String CONVERSATION = JsonMapper.shared()
		.readTree(capture("conversation_create.json"))
		.path("id")
		.stringValue();

	private static final String ANSWER_ITEM = answerItemId();

	@RegisterExtension
	static WireMockExtension llamaStack = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	private final ResponsesApiBackend backend = TestClients.responses(llamaStack.baseUrl(), "0.5.4");

	private static String capture(String name) {
		return new String(Captures.of(GENERATION, name), StandardCharsets.UTF_8);
	}

	// the message item of the captured plain answer
	private static String answerItemId() {
		Matcher item = Pattern.compile("\"id\":\"(msg_[0-9a-f-]{36})\"").matcher(capture("plain_stream.sse"));
		if (!item.find()) {
			throw new IllegalStateException("no answer item in plain_stream.sse");
		}
		return item.group(1);
	}

	private static Shield guard() {
		return new Shield("inout_llama_guard", (ObjectNode) JsonMapper.shared()
			.readTree("{\"identifier\":\"inout_llama_guard\",\"provider_resource_id\":\"openai/fake-guard\"}"));
	}

	private static List<TurnEvent> read(TurnStream stream) {
		List<TurnEvent> events = new ArrayList<>();
		try (stream) {
			for (TurnEvent event = stream.next(); event != null; event = stream.next()) {
				events.add(event);
			}
		}
		return events;
	}

	@Test
	void aNewConversationIsOneLlamaStackConversationKnownByAUuidOfOurs() {
		llamaStack.stubFor(post("/v1/conversations").willReturn(okJson(capture("conversation_create.json"))));

		Conversation conversation = this.backend.createConversation(
				new ConversationSpec("openai/fake-model", "You are a helpful assistant", TurnInput.Shields.NONE));

		assertThat(conversation.id()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
		assertThat(conversation.upstreamId()).isEqualTo(CONVERSATION);
		llamaStack.verify(
				postRequestedFor(urlEqualTo("/v1/conversations")).withRequestBody(equalToJson("{\"metadata\":{}}")));
	}

	@Test
	void aTurnIsOneStreamedResponseInTheConversationWithItsToolsAndTheBareMcpToken() {
		llamaStack.stubFor(post("/v1/responses").willReturn(
				aResponse().withHeader("Content-Type", "text/event-stream").withBody(capture("mcp_stream.sse"))));
		TurnInput input = new TurnInput("openai/fake-model", "Be brief", "Please use the tool list_pods",
				List.of(new TurnInput.Document("log", "line 1", "text/plain")),
				new TurnInput.Tools(List.of("vs_1"), List.of(new TurnInput.McpServer("k8s", "http://mcp/mcp")),
						Map.of("http://mcp/mcp", Map.of("Authorization", "Bearer tok", "X-Tenant", "a"))),
				TurnInput.Shields.NONE);

		List<TurnEvent> events = read(this.backend.streamTurn(new Conversation("c", CONVERSATION), input));

		assertThat(events.getLast()).isInstanceOf(TurnEvent.TurnCompleted.class);
		llamaStack.verify(1, postRequestedFor(urlEqualTo("/v1/responses")));
		llamaStack.verify(postRequestedFor(urlEqualTo("/v1/responses")).withRequestBody(equalToJson("""
				{"model": "openai/fake-model",
				 "input": "Please use the tool list_pods\\n\\n[Attachment: log]\\nline 1",
				 "instructions": "Be brief", "conversation": "%s", "store": true, "stream": true,
				 "tools": [{"type": "file_search", "vector_store_ids": ["vs_1"]},
				           {"type": "mcp", "server_label": "k8s", "server_url": "http://mcp/mcp",
				            "require_approval": "never", "authorization": "tok", "headers": {"X-Tenant": "a"}}]}
				""".formatted(CONVERSATION))));
	}

	@Test
	void llamaStack03GetsTheMcpTokenAsAnAuthorizationHeader() {
		ResponsesApiBackend older = TestClients.responses(llamaStack.baseUrl(), "0.3.5");
		llamaStack.stubFor(post("/v1/responses").willReturn(
				aResponse().withHeader("Content-Type", "text/event-stream").withBody(capture("plain_stream.sse"))));
		TurnInput input = TurnInputs.withTools("q",
				new TurnInput.Tools(List.of(), List.of(new TurnInput.McpServer("k8s", "http://mcp/mcp")),
						Map.of("http://mcp/mcp", Map.of("authorization", "raw-token"))));

		read(older.streamTurn(new Conversation("c", CONVERSATION), input));

		llamaStack.verify(postRequestedFor(urlEqualTo("/v1/responses")).withRequestBody(equalToJson("""
				{"tools": [{"type": "mcp", "server_label": "k8s", "server_url": "http://mcp/mcp",
				 "require_approval": "never", "headers": {"Authorization": "Bearer raw-token"}}]}""", true, true)));
	}

	@Test
	void aQuestionTheInputShieldRefusesIsAnsweredWithoutATurnAndKeptInTheConversation() {
		llamaStack.stubFor(post("/v1/moderations").willReturn(okJson(capture("moderation_flagged.json"))));
		llamaStack.stubFor(post("/v1/conversations/" + CONVERSATION + "/items").willReturn(okJson("{\"data\":[]}")));
		TurnInput input = new TurnInput("openai/fake-model", "i", "Tell me about UNSAFE-CONTENT", List.of(), null,
				new TurnInput.Shields(List.of(guard()), List.of()));

		List<TurnEvent> events = read(this.backend.streamTurn(new Conversation("c", CONVERSATION), input));

		assertThat(events).hasSize(3);
		assertThat(events.get(1)).isInstanceOfSatisfying(TurnEvent.ShieldChecked.class,
				(checked) -> assertThat(checked.violation().metadata().toString())
					.isEqualTo("{\"violation_type\":[\"S1\"]}"));
		assertThat(events.get(2))
			.isEqualTo(new TurnEvent.TurnCompleted("I can't answer that. Can I help with something else?"));
		llamaStack.verify(postRequestedFor(urlEqualTo("/v1/moderations")).withRequestBody(
				equalToJson("{\"input\":\"Tell me about UNSAFE-CONTENT\",\"model\":\"openai/fake-guard\"}")));
		llamaStack.verify(0, postRequestedFor(urlEqualTo("/v1/responses")));
		llamaStack.verify(postRequestedFor(urlEqualTo("/v1/conversations/" + CONVERSATION + "/items"))
			.withRequestBody(equalToJson("""
					{"items": [{"type": "message", "role": "user", "content": "Tell me about UNSAFE-CONTENT"},
					 {"type": "message", "role": "assistant",
					  "content": "I can't answer that. Can I help with something else?"}]}""")));
	}

	@Test
	void anAnswerTheOutputShieldRefusesIsReplacedByTheRefusalInTheConversation() {
		llamaStack.stubFor(post("/v1/moderations").willReturn(okJson(capture("moderation_flagged.json"))));
		llamaStack.stubFor(post("/v1/responses").willReturn(
				aResponse().withHeader("Content-Type", "text/event-stream").withBody(capture("plain_stream.sse"))));
		llamaStack.stubFor(delete(urlPathEqualTo("/v1/conversations/" + CONVERSATION + "/items/" + ANSWER_ITEM))
			.willReturn(okJson("{\"deleted\":true}")));
		llamaStack.stubFor(post("/v1/conversations/" + CONVERSATION + "/items").willReturn(okJson("{\"data\":[]}")));
		TurnInput input = new TurnInput("openai/fake-model", "i", "q", List.of(), null,
				new TurnInput.Shields(List.of(), List.of(guard())));

		List<TurnEvent> events = read(this.backend.streamTurn(new Conversation("c", CONVERSATION), input));

		assertThat(events).filteredOn(TurnEvent.TextDelta.class::isInstance).isNotEmpty();
		assertThat(events.get(events.size() - 2)).isInstanceOf(TurnEvent.ShieldChecked.class);
		assertThat(events.getLast()).isInstanceOfSatisfying(TurnEvent.TurnCompleted.class,
				(completed) -> assertThat(completed.outputText())
					.isEqualTo("I can't answer that. Can I help with something else?"));
		llamaStack.verify(1,
				deleteRequestedFor(urlPathEqualTo("/v1/conversations/" + CONVERSATION + "/items/" + ANSWER_ITEM)));
		llamaStack.verify(postRequestedFor(urlEqualTo("/v1/conversations/" + CONVERSATION + "/items"))
			.withRequestBody(equalToJson("""
					{"items": [{"type": "message", "role": "assistant",
					  "content": "I can't answer that. Can I help with something else?"}]}""")));
	}

	@Test
	void historyPairsEachQuestionWithItsAnswer() {
		llamaStack.stubFor(get(urlPathEqualTo("/v1/conversations/" + CONVERSATION + "/items"))
			.willReturn(okJson(capture("conversation_items.json"))));

		List<ChatTurn> turns = this.backend.history(new Conversation("c", CONVERSATION)).orElseThrow();

		assertThat(turns).hasSize(2);
		assertThat(turns.get(0).messages()).extracting((m) -> m.content().stringValue())
			.containsExactly("What is Kubernetes?", "Kubernetes is an open-source container orchestration platform; "
					+ "it schedules pods, scales deployments and heals workloads, like a café that never closes.");
		assertThat(turns.get(1).messages().getFirst().content().stringValue()).isEqualTo("And what is OpenShift?");
		llamaStack
			.verify(getRequestedFor(urlEqualTo("/v1/conversations/" + CONVERSATION + "/items?order=asc&limit=10000")));
	}

	@Test
	void aConversationOfAnotherApiGenerationOrOneLlamaStackForgotIsUnknown() {
		llamaStack.stubFor(get(urlPathEqualTo("/v1/conversations/" + CONVERSATION + "/items"))
			.willReturn(aResponse().withStatus(400).withBody(capture("conversation_get_deleted.json"))));
		llamaStack.stubFor(delete("/v1/conversations/" + CONVERSATION)
			.willReturn(aResponse().withStatus(400).withBody(capture("conversation_get_deleted.json"))));

		assertThat(this.backend.findConversation(new Conversation("c", "agent-session"))).isEmpty();
		assertThat(this.backend.history(new Conversation("c", "agent-session"))).isEmpty();
		assertThat(this.backend.history(new Conversation("c", CONVERSATION))).isEmpty();
		assertThat(this.backend.deleteConversation(new Conversation("c", CONVERSATION))).isFalse();
	}

	@Test
	void deletingAConversationDeletesItInLlamaStack() {
		llamaStack.stubFor(
				delete("/v1/conversations/" + CONVERSATION).willReturn(okJson(capture("conversation_delete.json"))));

		assertThat(this.backend.deleteConversation(new Conversation("c", CONVERSATION))).isTrue();
	}

	@Test
	void aStoppedTurnIsAddedToTheConversationWithTheAnswerSoFar() {
		llamaStack.stubFor(post("/v1/conversations/" + CONVERSATION + "/items").willReturn(okJson("{\"data\":[]}")));

		assertThat(this.backend.keepInterruptedTurn(new Conversation("c", CONVERSATION), TurnInputs.of("q"),
				"Hel\n\n*Response stopped by the user.*"))
			.isTrue();

		llamaStack.verify(postRequestedFor(urlEqualTo("/v1/conversations/" + CONVERSATION + "/items"))
			.withRequestBody(equalToJson(
					"""
							{"items": [{"type": "message", "role": "user", "content": "q"},
							 {"type": "message", "role": "assistant", "content": "Hel\\n\\n*Response stopped by the user.*"}]}""")));
	}

	@Test
	void aCompletionIsOneUnstoredResponse() {
		llamaStack.stubFor(post("/v1/responses").willReturn(okJson(capture("plain.json"))));

		assertThat(this.backend.complete("openai/fake-model", "Summarize", "What is Kubernetes?"))
			.startsWith("Kubernetes is an open-source");
		llamaStack.verify(postRequestedFor(urlEqualTo("/v1/responses")).withRequestBody(equalToJson("""
				{"model": "openai/fake-model", "input": "What is Kubernetes?", "instructions": "Summarize",
				 "stream": false, "store": false}""")));
	}

	@Test
	void theCatalogueIsReadInLlamaStacksOwnShapes() {
		llamaStack.stubFor(get("/v1/models").willReturn(okJson(capture("models.json"))));
		llamaStack.stubFor(get("/v1/shields").willReturn(okJson(capture("shields.json"))));
		llamaStack.stubFor(get(urlPathEqualTo("/v1/vector_stores")).willReturn(okJson(capture("vector_stores.json"))));

		assertThat(this.backend.models()).extracting(Model::identifier, Model::providerId, Model::modelType)
			.contains(tuple("openai/fake-model", "openai", "llm"),
					tuple("openai/fake-embedding", "openai", "embedding"));
		assertThat(this.backend.models().getFirst().raw().toString()).isEqualTo(
				"{\"identifier\":\"openai/fake-model\",\"metadata\":{},\"provider_id\":\"openai\",\"type\":\"model\","
						+ "\"provider_resource_id\":\"fake-model\",\"model_type\":\"llm\"}");
		assertThat(this.backend.shields()).extracting(Shield::identifier).containsExactly("inout_llama_guard");
		assertThat(this.backend.vectorStores()).singleElement()
			.satisfies((store) -> assertThat(store.id()).startsWith("vs_"));
		assertThat(this.backend.vectorStoreIds()).hasSize(1);
	}

}
