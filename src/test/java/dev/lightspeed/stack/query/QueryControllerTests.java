package dev.lightspeed.stack.query;

import java.time.Duration;
import java.util.List;

import dev.lightspeed.stack.auth.SecurityConfiguration;
import dev.lightspeed.stack.config.ConfigurationSections;
import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.config.McpServersConfig;
import dev.lightspeed.stack.conversations.ConversationStore;
import dev.lightspeed.stack.errors.ApiException;
import dev.lightspeed.stack.errors.ErrorResponses;
import dev.lightspeed.stack.llamastack.LlamaStackBackend;
import dev.lightspeed.stack.llamastack.Shield;
import dev.lightspeed.stack.llamastack.TurnEvent;
import dev.lightspeed.stack.mcp.McpServers;
import dev.lightspeed.stack.mcp.TestMcpServers;
import dev.lightspeed.stack.metrics.LlmMetrics;
import dev.lightspeed.stack.shutdown.ShutdownState;
import dev.lightspeed.stack.quota.Admission;
import dev.lightspeed.stack.quota.Quotas;
import dev.lightspeed.stack.support.ConnectedLlamaStack;
import dev.lightspeed.stack.support.ScriptedLlamaStack;
import dev.lightspeed.stack.limits.RequestLimits;
import dev.lightspeed.stack.support.TestConfigurations;
import dev.lightspeed.stack.support.TurnRecordFakes;
import dev.lightspeed.stack.topicsummary.TopicSummaries;
import dev.lightspeed.stack.transcripts.Transcript;
import dev.lightspeed.stack.vectorstores.VectorStoreAccess;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mockito;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;

@WebMvcTest(QueryController.class)
@Import({ ConnectedLlamaStack.class, TurnOpener.class, QueryService.class, QueryStreams.class, QueryLimits.class,
		TurnRecords.class, TurnSetup.class, TurnConversation.class, ActiveStreams.class, QueryConfiguration.class,
		LlmMetrics.class, SecurityConfiguration.class, ConfigurationSections.class, ErrorResponses.class,
		TopicSummaries.class, QueryControllerTests.Fakes.class, TurnRecordFakes.class })
@EnableConfigurationProperties(RequestLimits.class)
class QueryControllerTests {

	private static final String ALICE = "alice";

	private static final String BOB = "bob";

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private ScriptedLlamaStack llamaStack;

	@Autowired
	private ConversationStore conversations;

	@Autowired
	private List<Transcript> transcripts;

	@Autowired
	private MeterRegistry meters;

	@MockitoBean
	private ShutdownState shutdown;

	@MockitoBean
	private VectorStoreAccess vectorStores;

	@Test
	void aStoppingServiceRefusesNewQuestionsBeforeAskingLlamaStack() throws Exception {
		given(this.shutdown.stopping()).willReturn(true);
		int turns = this.llamaStack.turns().size();
		for (String path : List.of("/v1/query", "/v1/streaming_query")) {
			assertThat(post(ALICE, path, "{\"query\":\"hello\"}")).hasStatus(503)
				.bodyJson()
				.extractingPath("$.detail.response")
				.isEqualTo("Service is shutting down");
		}
		assertThat(this.llamaStack.turns()).hasSize(turns);
	}

	@Test
	void queryAnswersAndRecordsTheConversationAndTranscript() throws Exception {
		this.llamaStack.answering(new TurnEvent.StepStarted("inference"), new TurnEvent.TextDelta("Hi"),
				new TurnEvent.TurnCompleted("Hi there"));
		MvcTestResult result = post(ALICE, "/v1/query", "{\"query\":\"hello\"}");
		assertThat(result).hasStatusOk().bodyJson().extractingPath("$.response").isEqualTo("Hi there");
		String id = result.getResponse().getContentAsString().replaceAll(".*\"conversation_id\":\"([^\"]+)\".*", "$1");
		assertThat(this.conversations.find(id)).hasValueSatisfying((record) -> {
			assertThat(record.userId()).isEqualTo("alice");
			assertThat(record.lastUsedModel()).isEqualTo("fake-model");
			assertThat(record.messageCount()).isEqualTo(1);
		});
		assertThat(this.transcripts).anySatisfy((t) -> {
			assertThat(t.conversationId()).isEqualTo(id);
			assertThat(t.llmResponse()).isEqualTo("Hi there");
		});
		assertThat(this.meters.counter("ls_llm_calls", "provider", "vllm", "model", "fake-model").count())
			.isGreaterThanOrEqualTo(1);
	}

	@Test
	void followUpReusesTheConversationWithoutCreatingAnotherOne() throws Exception {
		this.llamaStack.answering(new TurnEvent.TurnCompleted("first"));
		String id = conversationOf(post(ALICE, "/v1/query", "{\"query\":\"one\"}"));
		int created = this.llamaStack.createdConversations().size();
		this.llamaStack.answering(new TurnEvent.TurnCompleted("second"));
		MvcTestResult followUp = post(ALICE, "/v1/query", "{\"query\":\"two\",\"conversation_id\":\"" + id + "\"}");
		assertThat(followUp).hasStatusOk().bodyJson().extractingPath("$.conversation_id").isEqualTo(id);
		assertThat(this.llamaStack.createdConversations()).hasSize(created);
		assertThat(this.conversations.find(id)).hasValueSatisfying((r) -> assertThat(r.messageCount()).isEqualTo(2));
	}

	@Test
	void someoneElsesConversationIsForbiddenAndAnUnknownOneIsNotFound() throws Exception {
		this.llamaStack.answering(new TurnEvent.TurnCompleted("first"));
		String id = conversationOf(post(ALICE, "/v1/query", "{\"query\":\"one\"}"));
		assertThat(post(BOB, "/v1/query", "{\"query\":\"two\",\"conversation_id\":\"" + id + "\"}")).hasStatus(403)
			.bodyJson()
			.isEqualTo(
					"{\"detail\":{\"response\":\"Access denied\",\"cause\":\"You do not have permission to access this conversation\"}}");
		assertThat(post(BOB, "/v1/streaming_query",
				"{\"query\":\"two\",\"conversation_id\":\"123e4567-e89b-12d3-a456-426614174000\"}"))
			.hasStatus(404)
			.bodyJson()
			.isEqualTo(
					"{\"detail\":{\"response\":\"Conversation not found\",\"cause\":\"Conversation 123e4567-e89b-12d3-a456-426614174000 could not be retrieved.\"}}");
	}

	@Test
	void newConversationRunsWithShieldsSplitByPrefixAndTheDefaultPrompt() throws Exception {
		this.llamaStack.withShields("plain", "input_a", "output_b", "inout_c")
			.answering(new TurnEvent.TurnCompleted("ok"));
		assertThat(post(ALICE, "/v1/query", "{\"query\":\"q\"}")).hasStatusOk();
		var spec = this.llamaStack.createdConversations().getLast();
		assertThat(spec.shields().input()).extracting(Shield::identifier)
			.containsExactly("plain", "input_a", "inout_c");
		assertThat(spec.shields().output()).extracting(Shield::identifier).containsExactly("output_b", "inout_c");
		assertThat(spec.instructions()).isEqualTo("You are a helpful assistant");
		assertThat(spec.modelId()).isEqualTo("vllm/fake-model");
	}

	@Test
	void noToolsSendsNoToolsAndMcpHeadersReachTheTurn() throws Exception {
		this.llamaStack.answering(new TurnEvent.TurnCompleted("ok"));
		assertThat(post(ALICE, "/v1/query", "{\"query\":\"q\",\"no_tools\":true}")).hasStatusOk();
		assertThat(this.llamaStack.turns().getLast().tools()).isNull();
		assertThat(this.mvc.post()
			.uri("/v1/query?user_id=" + ALICE)
			.header("MCP-HEADERS", "{\"http://mcp.local/mcp\":{\"X-Tenant\":\"t1\"}}")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"query\":\"q\"}")).hasStatusOk();
		assertThat(this.llamaStack.turns().getLast().tools().mcpHeaders()).containsEntry("http://mcp.local/mcp",
				java.util.Map.of("X-Tenant", "t1"));
	}

	@Test
	void theQuerysVectorStoresAreThoseTheUserMaySearch() throws Exception {
		this.llamaStack.answering(new TurnEvent.TurnCompleted("ok"));
		given(this.vectorStores.searchable(any(), eq(List.of("vs_mine")))).willReturn(List.of("vs_mine"));
		assertThat(post(ALICE, "/v1/query", "{\"query\":\"q\",\"vector_store_ids\":[\"vs_mine\"]}")).hasStatusOk();
		assertThat(this.llamaStack.turns().getLast().tools().vectorStoreIds()).containsExactly("vs_mine");
		given(this.vectorStores.searchable(any(), eq(List.of("vs_other")))).willThrow(ApiException
			.of(HttpStatus.NOT_FOUND, "Vector Store not found", "Vector Store with ID vs_other does not exist"));
		assertThat(post(ALICE, "/v1/query", "{\"query\":\"q\",\"vector_store_ids\":[\"vs_other\"]}")).hasStatus(404);
	}

	@Test
	void streamingQueryStreamsTheLcsDialect() throws Exception {
		this.llamaStack.answering(new TurnEvent.TurnStarted(), new TurnEvent.StepStarted("inference"),
				new TurnEvent.TextDelta("Hel"), new TurnEvent.TextDelta("lo"), new TurnEvent.TurnCompleted("Hello"));
		MvcTestResult result = post(ALICE, "/v1/streaming_query", "{\"query\":\"hi\"}");
		assertThat(result).hasStatusOk();
		assertThat(result.getResponse().getContentType()).startsWith("text/event-stream");
		String body = result.getResponse().getContentAsString();
		assertThat(body).startsWith("data: {\"event\": \"start\", \"data\": {\"conversation_id\": \"")
			.contains(
					"data: {\"event\": \"token\", \"data\": {\"id\": 2, \"role\": \"inference\", \"token\": \"Hel\"}}\n\n")
			.contains("data: {\"event\": \"turn_complete\", \"data\": {\"id\": 4, \"token\": \"Hello\"}}\n\n")
			.endsWith(
					"data: {\"event\": \"end\", \"data\": {\"referenced_documents\": [], \"truncated\": null, \"input_tokens\": 0, \"output_tokens\": 0}, \"available_quotas\": {}}\n\n");
		assertThat(this.llamaStack.lastStreamClosed()).isTrue();
	}

	@Test
	void errorInsideTheStreamBecomesAnErrorEventFollowedByEnd() throws Exception {
		this.llamaStack.answering(new TurnEvent.StepStarted("inference"), new TurnEvent.TextDelta("Par"),
				new TurnEvent.StreamFailed("500: Internal server error: An unexpected error occurred."),
				new TurnEvent.TextDelta("never"));
		String body = post(ALICE, "/v1/streaming_query", "{\"query\":\"hi\"}").getResponse().getContentAsString();
		assertThat(body).contains(
				"data: {\"event\": \"error\", \"data\": {\"id\": 2, \"token\": \"500: Internal server error: An unexpected error occurred.\", "
						+ "\"status_code\": 500, \"response\": \"Unable to get an answer from Llama Stack\", "
						+ "\"cause\": \"500: Internal server error: An unexpected error occurred.\"}}\n\n")
			.doesNotContain("never")
			.contains("\"event\": \"end\"");
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void unexpectedFailureInsideTheStreamEndsItWithErrorAndEndAndIsLoggedOnce(CapturedOutput output) throws Exception {
		this.llamaStack.answering(new TurnEvent.StepStarted("inference"), new TurnEvent.TextDelta("Par"))
			.thenFailing(new IllegalStateException("a bug reading the stream"));
		// without the end the emitter would stay open until its 10-minute timeout
		MvcTestResult result = this.mvc.post()
			.uri("/v1/streaming_query?user_id=" + ALICE)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"query\":\"hi\"}")
			.exchange(Duration.ofSeconds(10));
		assertThat(result.getResponse().getContentAsString()).endsWith(
				"data: {\"event\": \"token\", \"data\": {\"id\": 1, \"role\": \"inference\", \"token\": \"Par\"}}\n\n"
						+ "data: {\"event\": \"error\", \"data\": {\"id\": 2, \"token\": \"Internal server error: "
						+ "the answer could not be streamed\", \"status_code\": 500, \"response\": \"Unable to get an "
						+ "answer from Llama Stack\", \"cause\": \"Internal server error: the answer could not be "
						+ "streamed\"}}\n\n"
						+ "data: {\"event\": \"end\", \"data\": {\"referenced_documents\": [], \"truncated\": null, "
						+ "\"input_tokens\": 0, \"output_tokens\": 0}, \"available_quotas\": {}}\n\n");
		assertThat(this.llamaStack.lastStreamClosed()).isTrue();
		assertThat(output.getAll().split("IllegalStateException: a bug reading the stream", -1)).hasSize(2);
		assertThat(output.getAll()).contains("Relaying the answer in conversation ");
	}

	@Test
	void errorInsideTheTurnIsA500ForTheNonStreamingEndpoint() throws Exception {
		this.llamaStack.answering(new TurnEvent.StreamFailed("400: Invalid value: bad"));
		assertThat(post(ALICE, "/v1/query", "{\"query\":\"hi\"}")).hasStatus(500)
			.bodyJson()
			.extractingPath("$.detail.cause")
			.isEqualTo("400: Invalid value: bad");
	}

	@Test
	void newConversationGetsItsTopicSummaryAfterTheAnswerAndAFollowUpDoesNot() throws Exception {
		this.llamaStack.completing("Pod Basics").answering(new TurnEvent.TurnCompleted("answer"));
		String id = conversationOf(post(ALICE, "/v1/query", "{\"query\":\"topic question one\"}"));
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(
					() -> assertThat(this.conversations.find(id).orElseThrow().topicSummary()).isEqualTo("Pod Basics"));
		assertThat(this.llamaStack.completions()).filteredOn((c) -> c.prompt().equals("topic question one"))
			.singleElement()
			.satisfies((c) -> assertThat(c.modelId()).isEqualTo("vllm/fake-model"));
		assertThat(post(ALICE, "/v1/query", "{\"query\":\"topic follow-up\",\"conversation_id\":\"" + id + "\"}"))
			.hasStatusOk();
		await().during(Duration.ofMillis(300))
			.atMost(Duration.ofSeconds(2))
			.until(() -> this.llamaStack.completions().stream().noneMatch((c) -> c.prompt().equals("topic follow-up")));
	}

	@Test
	void streamedNewConversationGetsItsTopicSummaryAfterTheStream() throws Exception {
		this.llamaStack.completing("Streamed Topic").answering(new TurnEvent.TurnCompleted("answer"));
		MvcTestResult result = post(ALICE, "/v1/streaming_query", "{\"query\":\"topic question two\"}");
		String id = result.getResponse()
			.getContentAsString()
			.replaceAll("(?s)^data: \\{\"event\": \"start\", \"data\": \\{\"conversation_id\": \"([^\"]+)\".*", "$1");
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.conversations.find(id).orElseThrow().topicSummary())
				.isEqualTo("Streamed Topic"));
	}

	private MvcTestResult post(String user, String uri, String body) {
		return this.mvc.post()
			.uri(uri + "?user_id=" + user)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private static String conversationOf(MvcTestResult result) throws Exception {
		return result.getResponse().getContentAsString().replaceAll(".*\"conversation_id\":\"([^\"]+)\".*", "$1");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Fakes {

		@Bean
		LightspeedConfiguration lightspeedConfiguration() {
			return TestConfigurations.minimal("http://localhost:1");
		}

		@Bean
		McpServers mcpServers(McpServersConfig configured) {
			return TestMcpServers.configured(configured);
		}

		@Bean
		ScriptedLlamaStack llamaStack() {
			return new ScriptedLlamaStack();
		}

		@Bean
		SharedStreams sharedStreams() {
			return SharedStreams.NONE;
		}

		// no quotas here: QuotaStoreContract and GovernanceBypassIT test them
		@Bean
		Quotas quotas() {
			Quotas quotas = Mockito.mock(Quotas.class);
			given(quotas.admit(any(), anyLong())).willReturn(Admission.NONE);
			return quotas;
		}

	}

}
