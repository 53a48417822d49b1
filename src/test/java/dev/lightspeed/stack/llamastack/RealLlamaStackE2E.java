package dev.lightspeed.stack.llamastack;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.lightspeed.stack.config.McpServerConfig;
import dev.lightspeed.stack.e2e.E2eEnvironment;
import dev.lightspeed.stack.llamastack.TurnEvent.ShieldChecked;
import dev.lightspeed.stack.llamastack.TurnEvent.ToolExecuted;
import dev.lightspeed.stack.llamastack.TurnEvent.TurnCompleted;
import dev.lightspeed.stack.support.TcpConnections;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The client against the real Llama Stack 0.2.22 of the e2e harness
 * ({@code make test-e2e}, or {@code e2e/stack.sh start} and the variables of its env
 * file).
 */
// The MCP turn goes first: on a fresh Llama Stack, after GET /v1/providers or a turn on
// an
// unknown agent, its next MCP session hung 30 s connecting to the MCP server (every time;
// see docs/llama-stack-notes.md).
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealLlamaStackE2E {

	private static final String URL = E2eEnvironment.llamaStackUrl();

	private static final String MCP_URL = E2eEnvironment.mcpServerUrl();

	private static LlamaStackConnector connector;

	private static LlamaStackBackend backend;

	@BeforeAll
	static void connect() {
		LlamaStackHttp http = TestClients.http(URL, null);
		connector = new LlamaStackConnector(http, LlamaStackConfiguration.registry(http),
				List.of(new McpServerConfig("it-mcp", null, MCP_URL)), URL, false, Duration.ofSeconds(1),
				Duration.ofSeconds(10), (status) -> {
				});
		connector.afterSingletonsInstantiated();
		backend = new LlamaStackBackendFacade(connector::backend, Duration.ofSeconds(30), System::nanoTime);
	}

	@AfterAll
	static void stop() {
		connector.destroy();
	}

	private static List<TurnEvent> turn(Conversation conversation, TurnInput input) {
		List<TurnEvent> events = new ArrayList<>();
		try (TurnStream stream = backend.streamTurn(conversation, input)) {
			for (TurnEvent event = stream.next(); event != null; event = stream.next()) {
				events.add(event);
			}
		}
		return events;
	}

	@Test
	void catalogueShouldBeReadable() {
		assertThat(connector.version()).contains("0.2.22");
		assertThat(backend.models()).anyMatch((model) -> model.identifier().equals("vllm/fake-model") && model.isLlm());
		assertThat(backend.shields()).extracting(Shield::identifier).contains("inout_llama_guard");
		assertThat(backend.providers()).anyMatch((provider) -> provider.status().equals("OK"));
		assertThat(backend.vectorStoreIds()).isNotNull();
	}

	@Test
	@Order(1)
	void conversationShouldLiveThroughTurnsHistoryAndDeletion() {
		Conversation conversation = backend
			.createConversation(new ConversationSpec("vllm/fake-model", "You are a helpful assistant",
					TurnInputs.shields(List.of("inout_llama_guard"), List.of("inout_llama_guard"))));

		List<TurnEvent> first = turn(conversation, TurnInputs.of("What is Kubernetes?"));
		assertThat(first.getFirst()).isEqualTo(new ShieldChecked(null));
		assertThat(first.getLast()).isInstanceOfSatisfying(TurnCompleted.class,
				(completed) -> assertThat(completed.outputText()).startsWith("Kubernetes is").contains("café"));

		List<TurnEvent> tool = turn(backend.findConversation(conversation).orElseThrow(),
				TurnInputs.withTools("Please use the tool list_pods in namespace demo", new TurnInput.Tools(List.of(),
						TurnInputs.servers("it-mcp"), Map.of(MCP_URL, Map.of("Authorization", "Bearer it-token")))));
		assertThat(tool).filteredOn(ToolExecuted.class::isInstance)
			.singleElement()
			.satisfies((executed) -> assertThat(
					InterleavedContent.flatten(((ToolExecuted) executed).responses().getFirst().content()))
				.isEqualTo("pod-a, pod-b in demo"));

		List<TurnEvent> blocked = turn(conversation, TurnInputs.withDocuments("Tell me about UNSAFE-CONTENT",
				List.of(new TurnInput.Document("log", "{\"a\": 1}", "application/json"))));
		assertThat(blocked).first()
			.isInstanceOfSatisfying(ShieldChecked.class, (checked) -> assertThat(checked.violation()).isNotNull());

		List<ChatTurn> history = backend.history(conversation).orElseThrow();
		assertThat(history).hasSize(3);
		assertThat(history.getFirst().messages()).extracting(ChatTurn.Message::type)
			.containsExactly("user", "assistant");
		assertThat(history.getFirst().messages().getFirst().content().stringValue()).isEqualTo("What is Kubernetes?");

		assertThat(backend.deleteConversation(conversation)).isTrue();
		assertThat(backend.findConversation(new Conversation(conversation.id(), null))).isEmpty();
		assertThat(backend.history(conversation)).isEmpty();
		assertThat(backend.deleteConversation(conversation)).isFalse();
	}

	@Test
	void unknownConversationShouldFailInsideTheStream() {
		assertThat(turn(new Conversation("00000000-0000-0000-0000-000000000000", "nope"), TurnInputs.of("hi")))
			.containsExactly(new TurnEvent.StreamFailed(
					"400: Invalid value: Could not find agent info for 00000000-0000-0000-0000-000000000000"));
	}

	@Test
	void closingASlowTurnShouldCloseItsConnectionPromptly() throws InterruptedException {
		Conversation conversation = backend
			.createConversation(new ConversationSpec("vllm/fake-model", "", TurnInputs.shields(List.of(), List.of())));
		// 20 pieces 0.5 s apart: the answer would take 10 s
		TurnStream stream = backend.streamTurn(conversation, TurnInputs.of("slow-answer please"));
		assertThat(stream.next()).isNotNull();
		Set<TcpConnections.Connection> open = TcpConnections.receiving(ProcessHandle.current().pid(),
				URI.create(URL).getPort(), Duration.ofSeconds(5));
		assertThat(open).as("the connection of the turn").hasSize(1);

		long started = System.nanoTime();
		stream.close();

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
		// the turn's connection is gone at both ends, Llama Stack's too, long before the
		// answer would have ended
		await().atMost(Duration.ofSeconds(2)).until(() -> open.stream().noneMatch(TcpConnections::open));
		assertThat(backend.deleteConversation(conversation)).isTrue();
	}

}
