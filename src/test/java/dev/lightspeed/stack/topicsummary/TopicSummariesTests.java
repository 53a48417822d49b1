package dev.lightspeed.stack.topicsummary;

import java.util.List;

import dev.lightspeed.stack.conversations.ConversationStore;
import dev.lightspeed.stack.llamastack.LlamaStackUnavailableException;
import dev.lightspeed.stack.support.ConnectedLlamaStack;
import dev.lightspeed.stack.support.InMemoryConversationStore;
import dev.lightspeed.stack.support.ScriptedLlamaStack;
import org.junit.jupiter.api.Test;

import org.springframework.core.task.support.TaskExecutorAdapter;

import static org.assertj.core.api.Assertions.assertThat;

class TopicSummariesTests {

	private static final String ID = "0b6f2f5e-1c1d-4b4c-8c4b-0d7c1a2b3c4d";

	private final ScriptedLlamaStack llamaStack = new ScriptedLlamaStack();

	private final ConversationStore store = new InMemoryConversationStore();

	@Test
	void summaryComesFromTheSameModelWithLcsPromptAndIsStored() {
		this.store.recordTurn(ID, "alice", "fake-model", "vllm", "s");
		this.llamaStack.completing("  Kubernetes Basics\n");
		summaries(true).summarizeLater(ID, "vllm/fake-model", "What is Kubernetes?");
		assertThat(this.llamaStack.completions()).singleElement().satisfies((call) -> {
			assertThat(call.modelId()).isEqualTo("vllm/fake-model");
			assertThat(call.prompt()).isEqualTo("What is Kubernetes?");
			assertThat(call.instructions()).startsWith("\nInstructions:\n- You are a topic summarizer\n")
				.contains("- Maximum 5 words\n")
				.endsWith("Example Input:\nI need a summary about the purpose of RHDH.\nExample Output:\n"
						+ "RHDH Purpose Summary\n\nInput:\n{query}\nOutput:\n");
		});
		assertThat(this.store.find(ID).orElseThrow().topicSummary()).isEqualTo("Kubernetes Basics");
	}

	@Test
	void switchedOffNothingIsAsked() {
		this.store.recordTurn(ID, "alice", "fake-model", "vllm", "s");
		summaries(false).summarizeLater(ID, "vllm/fake-model", "q");
		assertThat(this.llamaStack.completions()).isEmpty();
		assertThat(this.store.find(ID).orElseThrow().topicSummary()).isNull();
	}

	@Test
	void failureLeavesNoSummaryAndDoesNotPropagate() {
		this.store.recordTurn(ID, "alice", "fake-model", "vllm", "s");
		ScriptedLlamaStack failing = new ScriptedLlamaStack() {
			@Override
			public String complete(String modelId, String instructions, String prompt) {
				throw new LlamaStackUnavailableException(LlamaStackUnavailableException.CONNECTION_ERROR);
			}
		};
		new TopicSummaries(ConnectedLlamaStack.to(failing), this.store, new TopicSummaryProperties(true),
				new TaskExecutorAdapter(Runnable::run))
			.summarizeLater(ID, "m", "q");
		assertThat(this.store.find(ID).orElseThrow().topicSummary()).isNull();
	}

	@Test
	void emptyAnswerStoresNothing() {
		this.store.recordTurn(ID, "alice", "fake-model", "vllm", "s");
		this.llamaStack.completing(" \n");
		summaries(true).summarizeLater(ID, "m", "q");
		assertThat(this.store.find(ID).orElseThrow().topicSummary()).isNull();
	}

	@Test
	void summaryTheUserSetMeanwhileIsKept() {
		this.store.recordTurn(ID, "alice", "fake-model", "vllm", "s");
		this.store.setTopicSummary(ID, "Mine");
		this.llamaStack.completing("Generated");
		summaries(true).summarizeLater(ID, "m", "q");
		assertThat(this.store.find(ID).orElseThrow().topicSummary()).isEqualTo("Mine");
	}

	@Test
	void deletedConversationIsNotRecreated() {
		this.llamaStack.completing("Generated");
		summaries(true).summarizeLater(ID, "m", "q");
		assertThat(this.store.find(ID)).isEmpty();
		assertThat(this.store.listByUser("alice", ConversationStore.Order.NEWEST_MESSAGE_FIRST)).isEqualTo(List.of());
	}

	private TopicSummaries summaries(boolean enabled) {
		return new TopicSummaries(ConnectedLlamaStack.to(this.llamaStack), this.store,
				new TopicSummaryProperties(enabled), new TaskExecutorAdapter(Runnable::run));
	}

}
