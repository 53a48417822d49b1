package dev.lightspeed.stack.topicsummary;

import dev.lightspeed.stack.conversations.ConversationRecord;
import dev.lightspeed.stack.conversations.ConversationStore;
import dev.lightspeed.stack.llamastack.LlamaStackStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.stereotype.Service;

/**
 * Gives a new conversation its topic summary: the model that answered the first turn
 * names the question's topic (LCS 0.3.x's prompt, through Llama Stack), and the summary
 * goes into the conversation record, where {@code /v2/conversations} shows it. Runs on
 * its own virtual thread after the answer has gone out, so it costs the user no time; any
 * failure is logged and the conversation simply has no summary.
 */
@Service
@EnableConfigurationProperties(TopicSummaryProperties.class)
public class TopicSummaries {

	private static final Logger logger = LoggerFactory.getLogger(TopicSummaries.class);

	private final LlamaStackStatus llamaStack;

	private final ConversationStore conversations;

	private final TopicSummaryProperties properties;

	private final AsyncTaskExecutor executor;

	TopicSummaries(LlamaStackStatus llamaStack, ConversationStore conversations, TopicSummaryProperties properties,
			@Qualifier("applicationTaskExecutor") AsyncTaskExecutor executor) {
		this.llamaStack = llamaStack;
		this.conversations = conversations;
		this.properties = properties;
		this.executor = executor;
	}

	/**
	 * Generates and stores the summary of a new conversation in the background (nothing
	 * when switched off).
	 * @param conversationId the conversation, already recorded
	 * @param modelId the Llama Stack model that answered
	 * @param question the first question
	 */
	public void summarizeLater(String conversationId, String modelId, String question) {
		if (!this.properties.enabled()) {
			return;
		}
		try {
			this.executor.execute(() -> summarize(conversationId, modelId, question));
		}
		catch (TaskRejectedException ex) {
			logger.warn("Topic summary of conversation {} skipped: {}", conversationId, ex.getMessage());
		}
	}

	void summarize(String conversationId, String modelId, String question) {
		try {
			String summary = this.llamaStack.backend().complete(modelId, TopicSummaryPrompt.DEFAULT, question).strip();
			if (summary.isEmpty()) {
				logger.warn("Topic summary of conversation {}: the model gave none", conversationId);
				return;
			}
			// a summary the user set meanwhile (PUT /v2/conversations/{id}) wins
			boolean unset = this.conversations.find(conversationId).map(ConversationRecord::topicSummary).isEmpty();
			if (unset && this.conversations.setTopicSummary(conversationId, summary)) {
				logger.debug("Topic summary of conversation {}: {}", conversationId, summary);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Topic summary of conversation {} could not be generated: {}", conversationId, ex.getMessage());
		}
	}

}
