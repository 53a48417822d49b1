package dev.lightspeed.stack.conversations;

import java.time.OffsetDateTime;
import java.util.List;

import dev.lightspeed.stack.errors.ErrorResponses;
import dev.lightspeed.stack.llamastack.ChatTurn;
import dev.lightspeed.stack.llamastack.Conversation;
import dev.lightspeed.stack.llamastack.LlamaStackBackend;
import dev.lightspeed.stack.storage.DatabaseVendor;
import dev.lightspeed.stack.support.ConnectedLlamaStack;
import dev.lightspeed.stack.support.InMemoryTurnTimes;

import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The v1 and v2 conversation controllers with their real checks, over a mocked store and
 * Llama Stack; one slice (and one cached context) for all conversation controller tests.
 */
@WebMvcTest({ ConversationsController.class, ConversationsV2Controller.class })
@Import({ ConversationAccess.class, ConversationHistory.class, ErrorResponses.class, ConnectedLlamaStack.class,
		ConversationsSlice.Database.class })
abstract class ConversationsSlice {

	static final String ID = "123e4567-e89b-12d3-a456-426614174000";

	static final String NOT_FOUND = "{\"detail\":{\"response\":\"Conversation not found\",\"cause\":\"Conversation "
			+ ID + " could not be retrieved.\"}}";

	static final String FORBIDDEN = "{\"detail\":{\"response\":\"Access denied\",\"cause\":\"You do not have "
			+ "permission to access this conversation\"}}";

	static ConversationRecord record(String id, String owner) {
		return new ConversationRecord(id, owner, "gpt-4o-mini", "openai", OffsetDateTime.parse("2025-08-20T10:11:12Z"),
				OffsetDateTime.parse("2025-08-20T10:15:00.123456Z"), 2, "Pods", "s1");
	}

	/** What Llama Stack is asked about for a record of {@link #record}. */
	static Conversation upstream(String id) {
		return new Conversation(id, "s1");
	}

	static List<ChatTurn> history() {
		var text = JsonNodeFactory.instance;
		return List.of(new ChatTurn(
				List.of(new ChatTurn.Message(text.stringNode("Hello"), "user"),
						new ChatTurn.Message(text.stringNode("Hi there!"), "assistant")),
				"2024-01-01T00:01:00Z", "2024-01-01T00:01:05Z"));
	}

	@Autowired
	MockMvcTester mvc;

	@Autowired
	InMemoryTurnTimes turnTimes;

	@MockitoBean
	ConversationStore store;

	@MockitoBean
	LlamaStackBackend backend;

	@TestConfiguration(proxyBeanMethods = false)
	static class Database {

		@Bean
		DatabaseVendor databaseVendor() {
			return DatabaseVendor.SQLITE;
		}

		@Bean
		InMemoryTurnTimes turnTimes() {
			return new InMemoryTurnTimes();
		}

	}

}
