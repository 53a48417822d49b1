package dev.lightspeed.stack.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.lightspeed.stack.conversations.ConversationStore;
import dev.lightspeed.stack.query.TurnRecorder;
import dev.lightspeed.stack.transcripts.Transcript;
import dev.lightspeed.stack.transcripts.TranscriptStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * What a turn leaves behind, in memory, for the slices of the endpoints that answer
 * questions ({@code /v1/query}, {@code /v1/responses}): the conversations, the turn
 * times, the transcripts (autowire {@code List<Transcript>} to read them), the metrics,
 * and the executor streams run on; and the {@link TurnRecorder} that writes to them.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(TurnRecorder.class)
public class TurnRecordFakes {

	@Bean
	ConversationStore conversationStore() {
		return new InMemoryConversationStore();
	}

	@Bean
	InMemoryTurnTimes turnTimes() {
		return new InMemoryTurnTimes();
	}

	@Bean
	List<Transcript> transcriptLog() {
		return new CopyOnWriteArrayList<>();
	}

	@Bean
	TranscriptStore transcriptStore(List<Transcript> transcriptLog) {
		return transcriptLog::add;
	}

	@Bean
	MeterRegistry meterRegistry() {
		return new SimpleMeterRegistry();
	}

	@Bean(name = "applicationTaskExecutor")
	AsyncTaskExecutor applicationTaskExecutor() {
		SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor();
		executor.setVirtualThreads(true);
		return executor;
	}

}
