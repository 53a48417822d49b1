package dev.lightspeed.stack.support;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.lightspeed.stack.config.McpServerConfig;
import dev.lightspeed.stack.llamastack.ChatTurn;
import dev.lightspeed.stack.llamastack.Conversation;
import dev.lightspeed.stack.llamastack.ConversationSpec;
import dev.lightspeed.stack.llamastack.LlamaStackBackend;
import dev.lightspeed.stack.llamastack.Model;
import dev.lightspeed.stack.llamastack.ProviderHealth;
import dev.lightspeed.stack.llamastack.Shield;
import dev.lightspeed.stack.llamastack.TurnEvent;
import dev.lightspeed.stack.llamastack.TurnInput;
import dev.lightspeed.stack.llamastack.TurnStream;
import dev.lightspeed.stack.llamastack.VectorStore;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * An in-memory Llama Stack for service-level tests: answers turns with scripted events
 * and records what it was asked. Wire-level behaviour is tested against WireMock and the
 * real server, not here. Import {@link ConnectedLlamaStack} beside it.
 */
public class ScriptedLlamaStack implements LlamaStackBackend {

	private final List<Model> models = new ArrayList<>(List.of(new Model("vllm/fake-model", "vllm", "llm",
			JsonNodeFactory.instance.objectNode().put("identifier", "vllm/fake-model"))));

	private final List<Shield> shields = new CopyOnWriteArrayList<>();

	private final List<VectorStore> vectorStores = new CopyOnWriteArrayList<>();

	private final List<String> interruptedTurns = new CopyOnWriteArrayList<>();

	private final Map<String, Conversation> conversations = new ConcurrentHashMap<>();

	private final List<ConversationSpec> specs = new CopyOnWriteArrayList<>();

	private final List<TurnInput> inputs = new CopyOnWriteArrayList<>();

	private volatile List<TurnEvent> script = List.of(new TurnEvent.TurnCompleted(""));

	private volatile @Nullable RuntimeException failure;

	// whether the last stream opened was closed; each stream ends at its own close
	private volatile AtomicBoolean lastStreamClosed = new AtomicBoolean();

	private volatile long delayPerEventMillis;

	private final List<Completion> completions = new CopyOnWriteArrayList<>();

	private volatile String completion = "";

	private final List<String> mcpServers = new CopyOnWriteArrayList<>();

	public ScriptedLlamaStack answering(TurnEvent... events) {
		this.script = List.of(events);
		this.failure = null;
		return this;
	}

	/**
	 * Makes the turn throw this after the scripted events, as a bug in reading the stream
	 * would.
	 */
	public ScriptedLlamaStack thenFailing(RuntimeException failure) {
		this.failure = failure;
		return this;
	}

	public ScriptedLlamaStack withShields(String... identifiers) {
		for (String identifier : identifiers) {
			this.shields.add(new Shield(identifier));
		}
		return this;
	}

	/**
	 * Answers with an inference step of tokens {@code tok0 }, {@code tok1 }, ... one
	 * every {@code delayMillis}: a slow model, and no end in sight for a test.
	 */
	public ScriptedLlamaStack answeringSlowly(int tokens, long delayMillis) {
		List<TurnEvent> events = new ArrayList<>(List.of(new TurnEvent.StepStarted("inference")));
		StringBuilder answer = new StringBuilder();
		for (int i = 0; i < tokens; i++) {
			events.add(new TurnEvent.TextDelta("tok" + i + " "));
			answer.append("tok").append(i).append(' ');
		}
		// a whole turn ends so; without it the answer counts as cut off
		events.add(new TurnEvent.TurnCompleted(answer.toString()));
		return withDelayPerEvent(delayMillis).answering(events.toArray(TurnEvent[]::new));
	}

	public ScriptedLlamaStack withDelayPerEvent(long millis) {
		this.delayPerEventMillis = millis;
		return this;
	}

	/**
	 * Answers {@link #complete} with this text.
	 */
	public ScriptedLlamaStack completing(String text) {
		this.completion = text;
		return this;
	}

	public List<Completion> completions() {
		return this.completions;
	}

	public List<ConversationSpec> createdConversations() {
		return this.specs;
	}

	public List<TurnInput> turns() {
		return this.inputs;
	}

	public boolean lastStreamClosed() {
		return this.lastStreamClosed.get();
	}

	@Override
	public List<Model> models() {
		return this.models;
	}

	@Override
	public List<Shield> shields() {
		return this.shields;
	}

	@Override
	public List<String> vectorStoreIds() {
		return this.vectorStores.stream().map(VectorStore::id).toList();
	}

	@Override
	public List<VectorStore> vectorStores() {
		return this.vectorStores;
	}

	@Override
	public boolean keepInterruptedTurn(Conversation conversation, TurnInput input, String partialAnswer) {
		this.interruptedTurns.add(partialAnswer);
		return true;
	}

	public List<String> interruptedTurns() {
		return this.interruptedTurns;
	}

	public ScriptedLlamaStack withVectorStores(VectorStore... stores) {
		this.vectorStores.addAll(List.of(stores));
		return this;
	}

	@Override
	public List<ProviderHealth> providers() {
		return List.of(new ProviderHealth("vllm", "OK", ""));
	}

	@Override
	public Conversation createConversation(ConversationSpec spec) {
		this.specs.add(spec);
		Conversation conversation = new Conversation(UUID.randomUUID().toString(), UUID.randomUUID().toString());
		this.conversations.put(conversation.id(), conversation);
		return conversation;
	}

	@Override
	public Optional<Conversation> findConversation(Conversation recorded) {
		return Optional.ofNullable(this.conversations.get(recorded.id()));
	}

	@Override
	public TurnStream streamTurn(Conversation conversation, TurnInput input) {
		this.inputs.add(input);
		AtomicBoolean closed = new AtomicBoolean();
		this.lastStreamClosed = closed;
		Iterator<TurnEvent> events = this.script.iterator();
		RuntimeException failure = this.failure;
		return new TurnStream() {

			@Override
			public @Nullable TurnEvent next() {
				if (closed.get()) {
					return null;
				}
				if (!events.hasNext()) {
					if (failure != null) {
						throw failure;
					}
					return null;
				}
				pause();
				return events.next();
			}

			@Override
			public void close() {
				closed.set(true);
			}

		};
	}

	private void pause() {
		if (this.delayPerEventMillis > 0) {
			try {
				Thread.sleep(this.delayPerEventMillis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public Optional<List<ChatTurn>> history(Conversation conversation) {
		return this.conversations.containsKey(conversation.id()) ? Optional.of(List.of()) : Optional.empty();
	}

	@Override
	public boolean deleteConversation(Conversation conversation) {
		return this.conversations.remove(conversation.id()) != null;
	}

	@Override
	public void registerMcpServer(McpServerConfig server) {
		this.mcpServers.add(server.name());
	}

	@Override
	public void unregisterMcpServer(String name) {
		this.mcpServers.remove(name);
	}

	/**
	 * The MCP servers registered at run time and not unregistered since.
	 */
	public List<String> mcpServers() {
		return this.mcpServers;
	}

	@Override
	public String complete(String modelId, String instructions, String prompt) {
		this.completions.add(new Completion(modelId, instructions, prompt));
		return this.completion;
	}

	/**
	 * A {@link #complete} call.
	 *
	 * @param modelId model
	 * @param instructions system prompt
	 * @param prompt user message
	 */
	public record Completion(String modelId, String instructions, String prompt) {
	}

}
