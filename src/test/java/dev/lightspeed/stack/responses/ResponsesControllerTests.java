package dev.lightspeed.stack.responses;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import dev.lightspeed.stack.config.ConfigurationSections;
import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.config.McpServersConfig;
import dev.lightspeed.stack.mcp.McpServers;
import dev.lightspeed.stack.mcp.TestMcpServers;
import dev.lightspeed.stack.conversations.ConversationStore;
import dev.lightspeed.stack.errors.ApiException;
import dev.lightspeed.stack.errors.ErrorResponses;
import dev.lightspeed.stack.llamastack.LlamaStackBackend;
import dev.lightspeed.stack.llamastack.LlamaStackResponses;
import dev.lightspeed.stack.llamastack.TurnEvent;
import dev.lightspeed.stack.llamastack.TurnInput;
import dev.lightspeed.stack.metrics.LlmMetrics;
import dev.lightspeed.stack.query.TurnSetup;
import dev.lightspeed.stack.support.ConnectedLlamaStack;
import dev.lightspeed.stack.support.ScriptedLlamaStack;
import dev.lightspeed.stack.support.TestConfigurations;
import dev.lightspeed.stack.support.TurnRecordFakes;
import dev.lightspeed.stack.topicsummary.TopicSummaries;
import dev.lightspeed.stack.transcripts.Transcript;
import dev.lightspeed.stack.vectorstores.VectorStoreAccess;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.ArgumentCaptor;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static dev.lightspeed.stack.support.TestUsers.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * {@code POST /v1/responses} with its real checks and records over a mocked Responses
 * API: who may continue which conversation, the Agents generation's 501, the tools a
 * response gets, and what an answer leaves behind (metrics, transcript, topic summary).
 */
@WebMvcTest(ResponsesController.class)
@Import({ ConnectedLlamaStack.class, ResponsesPreparation.class, ResponsesRelay.class, ResponsesRecords.class,
		LlmMetrics.class, ConfigurationSections.class, ErrorResponses.class, ResponsesControllerTests.Fakes.class,
		TurnRecordFakes.class })
class ResponsesControllerTests {

	private static final String ALICES = "123e4567-e89b-12d3-a456-426614174000";

	private static final String AGENTS_ERA = "223e4567-e89b-12d3-a456-426614174000";

	private static final String UNKNOWN = "323e4567-e89b-12d3-a456-426614174000";

	private static final String ANSWER = """
			{"id": "resp_1", "object": "response", "status": "completed", "model": "vllm/fake-model",
			 "conversation": "conv_new",
			 "output": [{"type": "message", "role": "assistant",
			             "content": [{"type": "output_text", "text": "Scale it with oc scale"}]}],
			 "usage": {"input_tokens": 12, "output_tokens": 5, "total_tokens": 17}}""";

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private ConversationStore conversations;

	@Autowired
	private List<Transcript> transcripts;

	@Autowired
	private MeterRegistry meters;

	@MockitoBean
	private LlamaStackResponses responses;

	@MockitoBean
	private TurnSetup setup;

	@MockitoBean
	private VectorStoreAccess vectorStores;

	@MockitoBean
	private TopicSummaries topicSummaries;

	@MockitoSpyBean
	private McpServers mcpServers;

	@BeforeEach
	void llamaStack() {
		this.transcripts.clear();
		this.conversations.recordTurn(ALICES, "alice", "fake-model", "vllm", "conv_alice");
		this.conversations.recordTurn(AGENTS_ERA, "alice", "fake-model", "vllm", "session-of-an-agent");
		given(this.setup.shields(any())).willReturn(TurnInput.Shields.NONE);
		given(this.responses.moderate(anyList(), anyString())).willReturn(Optional.empty());
		given(this.responses.createConversation()).willReturn("conv_new");
		given(this.responses.respond(anyMap())).willAnswer((call) -> JsonMapper.shared().readTree(ANSWER));
		given(this.vectorStores.searchable(any(), any())).willReturn(List.of("vs_alice"));
		given(this.responses.tools(any())).willAnswer((call) -> List.of(Map.of("type", "mcp", "from", "tools")));
	}

	// continuing a conversation: its owner does, anyone else is refused, and one that is
	// not a Llama Stack conversation (unknown, malformed, or of the Agents API) is not
	// found
	static Stream<Arguments> ownershipTable() {
		return Stream.of(Arguments.of("alice", ALICES, 200), Arguments.of("bob", ALICES, 403),
				Arguments.of("alice", UNKNOWN, 404), Arguments.of("alice", "not-an-id", 404),
				Arguments.of("alice", AGENTS_ERA, 404));
	}

	@ParameterizedTest(name = "{0} continuing {1}: {2}")
	@MethodSource("ownershipTable")
	void onlyTheOwnerContinuesAConversation(String caller, String conversation, int status) {
		MvcTestResult result = respond(caller, "{\"input\":\"more\",\"conversation\":\"" + conversation + "\"}");

		assertThat(result).hasStatus(status);
		if (status == 200) {
			assertThat(result).bodyJson().extractingPath("$.conversation").isEqualTo(ALICES);
			verify(this.responses).respond(argThatHas("conversation", "conv_alice"));
		}
		else {
			verify(this.responses, never()).respond(anyMap());
			assertThat(result).bodyJson()
				.extractingPath("$.detail.response")
				.isEqualTo((status == 403) ? "Access denied" : "Conversation not found");
		}
	}

	@Test
	void theAgentsGenerationIsToldWhichLlamaStackItNeedsBeforeAnythingElse() {
		willThrow(ApiException.of(HttpStatus.NOT_IMPLEMENTED, "Not supported by the connected Llama Stack",
				"POST /v1/responses (the Responses API) needs Llama Stack 0.3.0 or later"))
			.given(this.responses)
			.requireResponsesApi();

		assertThat(respond("bob", "{\"input\":\"hi\",\"conversation\":\"" + ALICES + "\",\"stream\":true}"))
			.hasStatus(501)
			.bodyJson()
			.extractingPath("$.detail.cause")
			.asString()
			.contains("needs Llama Stack 0.3.0");
		verify(this.responses, never()).createConversation();
		assertThat(this.transcripts).isEmpty();
	}

	@Test
	void anAnswerIsCountedKeptInATranscriptAndStartsANewConversationsSummary() {
		double calls = count("ls_llm_calls");
		double sent = count("ls_llm_token_sent");
		double received = count("ls_llm_token_received");

		MvcTestResult result = respond("alice", "{\"input\":\"How do I scale?\"}");

		assertThat(result).hasStatusOk().bodyJson().extractingPath("$.output_text").isEqualTo("Scale it with oc scale");
		String id = JsonMapper.shared()
			.readTree(result.getResponse().getContentAsByteArray())
			.path("conversation")
			.asString();
		assertThat(this.conversations.find(id)).hasValueSatisfying((record) -> {
			assertThat(record.userId()).isEqualTo("alice");
			assertThat(record.sessionId()).isEqualTo("conv_new");
		});
		assertThat(this.transcripts).singleElement().satisfies((transcript) -> {
			assertThat(transcript.conversationId()).isEqualTo(id);
			assertThat(transcript.query()).isEqualTo("How do I scale?");
			assertThat(transcript.llmResponse()).isEqualTo("Scale it with oc scale");
		});
		assertThat(count("ls_llm_calls") - calls).isOne();
		assertThat(count("ls_llm_token_sent") - sent).isEqualTo(12);
		assertThat(count("ls_llm_token_received") - received).isEqualTo(5);
		verify(this.topicSummaries).summarizeLater(id, "vllm/fake-model", "How do I scale?");
	}

	@Test
	void storeFalseKeepsNoConversationAndNoTranscript() {
		int kept = this.conversations.listByUser("alice", ConversationStore.Order.OLDEST_FIRST).size();

		assertThat(respond("alice", "{\"input\":\"hi\",\"store\":false}")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.output_text")
			.isEqualTo("Scale it with oc scale");

		verify(this.responses, never()).createConversation();
		verify(this.responses).respond(argThat((body) -> !body.containsKey("conversation")));
		verify(this.responses).respond(argThatHas("store", false));
		assertThat(this.conversations.listByUser("alice", ConversationStore.Order.OLDEST_FIRST)).hasSize(kept);
		assertThat(this.transcripts).isEmpty();
	}

	@Test
	void withoutToolsAResponseSearchesTheCallersStoresAndReachesEveryMcpServerWithTheirToken() {
		assertThat(respond("alice", "{\"input\":\"hi\"}")).hasStatusOk();

		ArgumentCaptor<TurnInput.Tools> tools = ArgumentCaptor.forClass(TurnInput.Tools.class);
		verify(this.responses).tools(tools.capture());
		assertThat(tools.getValue().vectorStoreIds()).containsExactly("vs_alice");
		assertThat(tools.getValue().mcpServers())
			.containsExactly(new TurnInput.McpServer("k8s", "http://mcp.local/mcp"));
		assertThat(tools.getValue().mcpHeaders())
			.isEqualTo(Map.of("http://mcp.local/mcp", Map.of("Authorization", "Bearer token-alice")));
		verify(this.vectorStores).searchable(any(), isNull());
		verify(this.responses).respond(argThatHas("tools", List.of(Map.of("type", "mcp", "from", "tools"))));
	}

	// the offer reads the MCP servers registered at run time from the database
	@Test
	void theMcpServersAreReadOnlyForARequestThatNamesOne() {
		assertThat(respond("alice", "{\"input\":\"hi\",\"tools\":[]}")).hasStatusOk();
		assertThat(respond("alice",
				"{\"input\":\"hi\",\"tools\":[{\"type\":\"file_search\",\"vector_store_ids\":[\"vs_alice\"]}]}"))
			.hasStatusOk();
		verify(this.mcpServers, never()).offer(any(), any(), anyBoolean());

		assertThat(respond("alice", "{\"input\":\"hi\",\"tools\":[{\"type\":\"mcp\",\"server_label\":\"k8s\"}]}"))
			.hasStatusOk();
		verify(this.mcpServers).offer(any(), any(), anyBoolean());
	}

	@Test
	void aNamedMcpServerIsTheConfiguredOneWithTheRequestsHeadersAndAnUnconfiguredOneIsRefused() {
		String named = """
				{"input": "hi", "tool_choice": "required", "tools": [
				  {"type": "mcp", "server_label": "k8s", "server_url": "http://attacker.example/mcp"},
				  {"type": "file_search", "vector_store_ids": ["vs_alice"]}]}""";
		MvcTestResult result = this.mvc.post()
			.uri("/v1/responses")
			.with(user("alice"))
			.header("MCP-HEADERS", "{\"k8s\": {\"X-Cluster-Token\": \"t1\"}}")
			.contentType(MediaType.APPLICATION_JSON)
			.content(named)
			.exchange();

		assertThat(result).hasStatusOk();
		ArgumentCaptor<TurnInput.Tools> tools = ArgumentCaptor.forClass(TurnInput.Tools.class);
		verify(this.responses).tools(tools.capture());
		assertThat(tools.getValue().vectorStoreIds()).isEmpty();
		assertThat(tools.getValue().mcpServers())
			.containsExactly(new TurnInput.McpServer("k8s", "http://mcp.local/mcp"));
		assertThat(tools.getValue().mcpHeaders())
			.isEqualTo(Map.of("http://mcp.local/mcp", Map.of("X-Cluster-Token", "t1")));
		verify(this.vectorStores).searchable(any(), eq(List.of("vs_alice")));
		verify(this.responses).respond(argThatHas("tool_choice", "required"));
		verify(this.responses)
			.respond(argThatHas("tools", List.of(Map.of("type", "file_search", "vector_store_ids", List.of("vs_alice")),
					Map.of("type", "mcp", "from", "tools"))));

		clearInvocations(this.responses);
		assertThat(respond("alice", "{\"input\":\"hi\",\"tools\":[{\"type\":\"mcp\",\"server_label\":\"other\"}]}"))
			.hasStatus(422)
			.bodyJson()
			.extractingPath("$.detail.cause")
			.isEqualTo("MCP server other is not configured");
		verify(this.responses, never()).respond(anyMap());
	}

	@Test
	void aSearchOfAStoreTheCallerMayNotReadIsNotFoundAndNothingIsAsked() {
		given(this.vectorStores.searchable(any(), eq(List.of("vs_bob")))).willThrow(ApiException
			.of(HttpStatus.NOT_FOUND, "Vector Store not found", "Vector Store with ID vs_bob does not exist"));

		assertThat(respond("alice",
				"{\"input\":\"hi\",\"tools\":[{\"type\":\"file_search\",\"vector_store_ids\":[\"vs_bob\"]}]}"))
			.hasStatus(404);
		verify(this.responses, never()).createConversation();
		verify(this.responses, never()).respond(anyMap());
	}

	private MvcTestResult respond(String caller, String body) {
		return this.mvc.post()
			.uri("/v1/responses")
			.with(user(caller))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	// a request to Llama Stack whose field is this value, compared as JSON
	private static Map<String, Object> argThatHas(String key, Object value) {
		JsonMapper json = JsonMapper.shared();
		return argThat((body) -> json.valueToTree(value).equals(json.valueToTree(body.get(key))));
	}

	private double count(String meter) {
		return this.meters.counter(meter, "provider", "vllm", "model", "fake-model").count();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Fakes {

		@Bean
		LightspeedConfiguration lightspeedConfiguration() {
			return TestConfigurations.minimalWith("""
					mcp_servers:
					  - name: k8s
					    url: http://mcp.local/mcp
					""");
		}

		@Bean
		ScriptedLlamaStack llamaStack() {
			return new ScriptedLlamaStack();
		}

		@Bean
		McpServers mcpServers(McpServersConfig configured) {
			return TestMcpServers.configured(configured);
		}

	}

}
