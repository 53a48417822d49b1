package dev.lightspeed.stack.responses;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.support.ApplicationClient;
import dev.lightspeed.stack.support.Captures;
import dev.lightspeed.stack.support.LlamaStackStub;
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
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code POST /v1/responses} through the whole application in front of WireMock answering
 * with what Llama Stack 0.5.4 sent ({@code e2e/captures/0.5.4/}): the RHDH Notebooks
 * request streamed in OpenAI's framing, with this service's conversation id, ownership of
 * that conversation and of vector stores, shields, the transcript.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResponsesIT {

	private static final String GENERATION = "0.5.4";

	private static final String STORE = "vs_4972d13e-ebc4-4569-8a1a-e4f123153fd5";

	private static final String NOTEBOOK = "vs_11111111-2222-3333-4444-555555555555";

	private static final String CONVERSATION = "conv_e83980921000009f54d16431a07ee215171d7d59fe300729";

	private static final String USER = "user%3Adefault%2Fguest";

	private static final Pattern OUR_ID = Pattern
		.compile("\"conversation\":\"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\"");

	@RegisterExtension
	static final LlamaStackStub llamaStack = LlamaStackStub.versionOnly();

	@TempDir
	static Path directory;

	private ApplicationClient app;

	static {
		llamaStack.stubFor(get("/v1/version").willReturn(okJson("{\"version\":\"0.5.4\"}")));
		llamaStack.stubFor(get("/v1/models").willReturn(okJson(capture("models.json"))));
		llamaStack.stubFor(get("/v1/shields").willReturn(okJson(capture("shields.json"))));
		llamaStack.stubFor(post("/v1/moderations").willReturn(okJson(capture("moderation_safe.json"))));
		llamaStack.stubFor(get(urlPathEqualTo("/v1/vector_stores")).willReturn(okJson(capture("vector_stores.json"))));
		llamaStack.stubFor(post("/v1/vector_stores")
			.willReturn(okJson(capture("vector_store_create.json").replace(STORE, NOTEBOOK))));
		llamaStack.stubFor(post("/v1/conversations").willReturn(okJson(capture("conversation_create.json"))));
		llamaStack.stubFor(post(urlPathEqualTo("/v1/conversations/" + CONVERSATION + "/items"))
			.willReturn(okJson("{\"data\":[]}")));
		llamaStack.stubFor(post("/v1/responses").withRequestBody(matchingJsonPath("$.stream", equalToJson("true")))
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
				.withBody(capture("file_search_stream.sse"))));
		llamaStack.stubFor(post("/v1/responses").withRequestBody(matchingJsonPath("$.stream", equalToJson("false")))
			.willReturn(okJson(capture("file_search.json"))));
	}

	private static String capture(String name) {
		return new String(Captures.of(GENERATION, name), StandardCharsets.UTF_8);
	}

	@BeforeEach
	void connect(@LocalServerPort int port) {
		this.app = ApplicationClient.http(port);
	}

	private HttpResponse<String> respond(String user, String body) {
		return this.app.send(this.app.request("/v1/responses?user_id=" + user)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private static String notebookQuery(String conversation) {
		return """
				{"input": "Search the docs for scaling", "instructions": "Answer from the notebook",
				 "tools": [{"type": "file_search", "vector_store_ids": ["%s"]}], "tool_choice": "required",
				 "model": "openai/fake-model", "stream": true, "temperature": 0.35, "shield_ids": [],
				 "max_tool_calls": 15%s}""".formatted(STORE, conversation);
	}

	@Test
	void theNotebooksRequestStreamsInOpenAiFramingInAConversationOfTheCallersOwn() throws Exception {
		HttpResponse<String> first = respond(USER, notebookQuery(""));

		assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
		assertThat(first.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));
		assertThat(first.body()).startsWith("event: response.created\ndata: {")
			.contains("\n\nevent: response.output_text.delta\ndata: {", "event: response.completed\ndata: {")
			.endsWith("data: [DONE]\n\n")
			.doesNotContain(CONVERSATION);
		Matcher id = OUR_ID.matcher(first.body());
		assertThat(id.find()).isTrue();
		String conversation = id.group(1);
		llamaStack.verify(postRequestedFor(urlPathEqualTo("/v1/responses")).withRequestBody(equalToJson("""
				{"model": "openai/fake-model", "input": "Search the docs for scaling",
				 "instructions": "Answer from the notebook", "max_tool_calls": 15, "temperature": 0.35,
				 "store": true, "stream": true, "conversation": "%s", "tool_choice": "required",
				 "tools": [{"type": "file_search", "vector_store_ids": ["%s"]}]}""".formatted(CONVERSATION, STORE))));
		await().atMost(Duration.ofSeconds(10)).until(() -> transcripts(conversation).size() == 1);

		HttpResponse<String> followUp = respond(USER, notebookQuery(",\"conversation\":\"" + conversation + "\""));
		assertThat(followUp.statusCode()).isEqualTo(200);
		assertThat(followUp.body()).contains("\"conversation\":\"" + conversation + "\"");
		assertThat(this.app.send("GET", "/v2/conversations?user_id=" + USER).body()).contains(conversation);
		assertThat(respond("someone-else", notebookQuery(",\"conversation\":\"" + conversation + "\"")).statusCode())
			.isEqualTo(403);
		assertThat(
				respond(USER, notebookQuery(",\"conversation\":\"123e4567-e89b-12d3-a456-426614174000\"")).statusCode())
			.isEqualTo(404);
	}

	@Test
	void anAnswerAskedWholeIsTheResponseObjectWithTheAnswersText() throws Exception {
		HttpResponse<String> answered = respond(USER,
				"{\"input\":\"Search the docs for scaling\",\"model\":\"openai/fake-model\",\"shield_ids\":[]}");

		assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
		JsonNode response = JsonMapper.shared().readTree(answered.body());
		assertThat(response.path("object").asString()).isEqualTo("response");
		assertThat(response.path("conversation").asString()).matches("[0-9a-f-]{36}");
		assertThat(response.path("output_text").asString()).isNotEmpty();
	}

	@Test
	void aVectorStoreOfSomeoneElsesIsNotFoundAndAnUnknownModelToo() {
		HttpResponse<String> created = this.app.send(this.app.request("/v1/vector-stores?user_id=alice")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"notebook\"}")));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(200);

		String aliceNotebook = notebookQuery("").replace(STORE, NOTEBOOK);
		HttpResponse<String> refused = respond("bob", aliceNotebook);
		assertThat(refused.statusCode()).isEqualTo(404);
		assertThat(refused.body()).contains("Vector Store with ID " + NOTEBOOK + " does not exist");
		assertThat(respond("alice", aliceNotebook).statusCode()).isEqualTo(200);
		assertThat(respond("alice", "{\"input\":\"hi\",\"model\":\"openai/nope\"}").statusCode()).isEqualTo(404);
		assertThat(respond("alice", "{\"input\":\"hi\",\"previous_response_id\":\"resp_1\"}").statusCode())
			.isEqualTo(422);
		assertThat(respond("alice", "{\"input\":\"hi\",\"bogus\":1}").statusCode()).isEqualTo(422);
	}

	@Test
	void aQuestionAnInputShieldRefusesIsAnsweredWithTheRefusalAndKeptInTheConversation() {
		llamaStack.stubFor(post("/v1/moderations").withRequestBody(matchingJsonPath("$.input", equalTo("bad")))
			.willReturn(okJson(capture("moderation_flagged.json"))));

		HttpResponse<String> refused = respond(USER, "{\"input\":\"bad\",\"stream\":true}");

		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body())
			.contains("event: response.created", "event: response.output_item.added", "event: response.completed",
					"I can't answer that")
			.endsWith("data: [DONE]\n\n");
		// the model is not asked (only, later, for the new conversation's topic summary)
		llamaStack.verify(0,
				postRequestedFor(urlPathEqualTo("/v1/responses"))
					.withRequestBody(matchingJsonPath("$.input", equalTo("bad")))
					.withRequestBody(matchingJsonPath("$.conversation")));
		llamaStack.verify(postRequestedFor(urlPathEqualTo("/v1/conversations/" + CONVERSATION + "/items")));
	}

	private static List<Path> transcripts(String conversation) throws Exception {
		Path dir = directory.resolve("transcripts/user:default/guest/" + conversation);
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(dir)) {
			return files.toList();
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Configuration {

		@Bean
		LightspeedConfiguration lightspeedConfiguration() {
			return TestConfigurations.application("responses", llamaStack.baseUrl(), directory, """
					user_data_collection:
					  transcripts_enabled: true
					  transcripts_storage: %s/transcripts
					""".formatted(directory));
		}

	}

}
