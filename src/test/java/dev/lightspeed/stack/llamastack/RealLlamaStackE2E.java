package dev.lightspeed.stack.llamastack;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.lightspeed.stack.config.McpServerConfig;
import dev.lightspeed.stack.e2e.E2eEnvironment;
import dev.lightspeed.stack.e2e.Generation;
import dev.lightspeed.stack.llamastack.TurnEvent.ShieldChecked;
import dev.lightspeed.stack.llamastack.TurnEvent.ToolExecuted;
import dev.lightspeed.stack.llamastack.TurnEvent.TurnCompleted;
import dev.lightspeed.stack.support.TcpConnections;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The client against the real Llama Stack of the e2e harness, whichever generation it is
 * ({@code make test-e2e}, or {@code e2e/stack.sh start} and the variables of its env
 * file): the backend chosen for its version, its catalogue, and a conversation's life.
 */
// The MCP turn goes first: on a fresh Llama Stack 0.2.22, after GET /v1/providers or a
// turn on an unknown agent, its next MCP session hung 30 s connecting to the MCP server
// (every time; see docs/llama-stack-notes.md).
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealLlamaStackE2E {

	private static final Generation GENERATION = Generation.current();

	private static final String URL = E2eEnvironment.llamaStackUrl();

	private static final String MCP_URL = E2eEnvironment.mcpServerUrl();

	private static final String INSTRUCTIONS = "You are a helpful assistant";

	private static LlamaStackConnector connector;

	private static LlamaStackBackend backend;

	@BeforeAll
	static void connect() {
		LlamaStackHttp http = TestClients.http(URL, null);
		connector = new LlamaStackConnector(http, LlamaStackConfiguration.registry(http, Duration.ofSeconds(30)),
				List.of(new McpServerConfig("it-mcp", null, MCP_URL)), URL, false, Duration.ofSeconds(1),
				Duration.ofSeconds(10), (status) -> {
				});
		connector.afterSingletonsInstantiated();
		backend = connector.backend();
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

	// the shields Llama Stack lists, split as the service splits them
	private static TurnInput.Shields shields() {
		List<Shield> shields = backend.shields();
		return new TurnInput.Shields(shields.stream().filter(Shield::checksInput).toList(),
				shields.stream().filter(Shield::checksOutput).toList());
	}

	private static TurnInput input(String query, List<TurnInput.Document> documents, TurnInput.@Nullable Tools tools,
			TurnInput.Shields shields) {
		return new TurnInput(GENERATION.modelId(), INSTRUCTIONS, query, documents, tools, shields);
	}

	private static boolean violation(TurnEvent event) {
		return event instanceof ShieldChecked checked && checked.violation() != null;
	}

	@Test
	void catalogueShouldBeReadable() {
		assertThat(connector.version()).contains(GENERATION.version());
		assertThat(backend.models())
			.anyMatch((model) -> model.identifier().equals(GENERATION.modelId()) && model.isLlm());
		assertThat(backend.shields()).extracting(Shield::identifier).containsExactlyElementsOf(GENERATION.shields());
		assertThat(backend.providers()).isNotEmpty().noneMatch((provider) -> provider.status().equals("Error"));
		assertThat(backend.vectorStoreIds()).isNotNull();
	}

	@Test
	@Order(1)
	void conversationShouldLiveThroughTurnsHistoryAndDeletion() {
		TurnInput.Shields shields = shields();
		Conversation conversation = backend
			.createConversation(new ConversationSpec(GENERATION.modelId(), INSTRUCTIONS, shields));

		List<TurnEvent> first = turn(conversation, input("What is Kubernetes?", List.of(), null, shields));
		assertThat(first).noneMatch(RealLlamaStackE2E::violation);
		assertThat(first.getLast()).isInstanceOfSatisfying(TurnCompleted.class,
				(completed) -> assertThat(completed.outputText()).startsWith("Kubernetes is").contains("café"));

		TurnInput.Tools tools = new TurnInput.Tools(List.of(), List.of(new TurnInput.McpServer("it-mcp", MCP_URL)),
				Map.of(MCP_URL, Map.of("Authorization", "Bearer it-token")));
		List<TurnEvent> tool = turn(backend.findConversation(conversation).orElseThrow(),
				input("Please use the tool list_pods in namespace demo", List.of(), tools, shields));
		assertThat(tool).filteredOn(ToolExecuted.class::isInstance)
			.singleElement()
			.satisfies((executed) -> assertThat(
					InterleavedContent.flatten(((ToolExecuted) executed).responses().getFirst().content()))
				.isEqualTo("pod-a, pod-b in demo"));

		List<TurnEvent> unsafe = turn(conversation, input("Tell me about UNSAFE-CONTENT",
				List.of(new TurnInput.Document("log", "{\"a\": 1}", "application/json")), null, shields));
		if (GENERATION.has(Generation.Capability.SHIELDS)) {
			assertThat(unsafe).filteredOn(RealLlamaStackE2E::violation).hasSize(1);
		}
		else {
			assertThat(unsafe).as(GENERATION.lacks(Generation.Capability.SHIELDS))
				.noneMatch(RealLlamaStackE2E::violation);
		}

		List<ChatTurn> history = backend.history(conversation).orElseThrow();
		assertThat(history).hasSize(3);
		assertThat(history.getFirst().messages()).extracting(ChatTurn.Message::type)
			.containsExactly("user", "assistant");
		assertThat(history.getFirst().messages().getFirst().content().stringValue()).isEqualTo("What is Kubernetes?");

		assertThat(backend.deleteConversation(conversation)).isTrue();
		assertThat(backend.findConversation(new Conversation(conversation.id(), null))).isEmpty();
		assertThat(backend.history(conversation)).isEmpty();
		// Llama Stack 0.5.4 answers "deleted": true for a conversation it does not know
		assertThat(backend.deleteConversation(conversation)).isEqualTo(GENERATION == Generation.LLAMA_STACK_0_5_4);
	}

	@Test
	void unknownConversationShouldFailNamingIt() {
		String uuid = "00000000-0000-0000-0000-000000000000";
		TurnInput hi = input("hi", List.of(), null, TurnInput.Shields.NONE);
		if (GENERATION.agentsApi()) {
			// the Agents API answers 200 and fails inside the stream
			assertThat(turn(new Conversation(uuid, "nope"), hi)).containsExactly(
					new TurnEvent.StreamFailed("400: Invalid value: Could not find agent info for " + uuid));
			return;
		}
		// the Responses API refuses before the stream or inside it, as the version does
		String unknown = "conv_" + "0".repeat(48);
		List<TurnEvent> events;
		try {
			events = turn(new Conversation(uuid, unknown), hi);
		}
		catch (LlamaStackApiException ex) {
			assertThat(ex.isNotFound()).as(ex.getMessage()).isTrue();
			events = List.of(new TurnEvent.StreamFailed(String.valueOf(ex.getMessage())));
		}
		assertThat(events.getLast()).isInstanceOfSatisfying(TurnEvent.StreamFailed.class,
				(failed) -> assertThat(failed.message()).contains(unknown));
	}

	@Test
	void closingASlowTurnShouldCloseItsConnectionPromptly() throws InterruptedException {
		Conversation conversation = backend
			.createConversation(new ConversationSpec(GENERATION.modelId(), "", TurnInput.Shields.NONE));
		// 20 pieces 0.5 s apart: the answer would take 10 s
		TurnStream stream = backend.streamTurn(conversation,
				input("slow-answer please", List.of(), null, TurnInput.Shields.NONE));
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
