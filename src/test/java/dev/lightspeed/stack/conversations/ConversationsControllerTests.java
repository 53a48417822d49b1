package dev.lightspeed.stack.conversations;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import dev.lightspeed.stack.errors.ErrorResponses;
import dev.lightspeed.stack.llamastack.ChatTurn;
import dev.lightspeed.stack.llamastack.LlamaStackApiException;
import dev.lightspeed.stack.llamastack.LlamaStackBackend;
import dev.lightspeed.stack.llamastack.LlamaStackUnavailableException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static dev.lightspeed.stack.support.TestUsers.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

@WebMvcTest(ConversationsController.class)
@Import({ ConversationAccess.class, ConversationHistory.class, ErrorResponses.class })
class ConversationsControllerTests {

	static final String ID = "123e4567-e89b-12d3-a456-426614174000";

	static final String NOT_FOUND = "{\"detail\":{\"response\":\"Conversation not found\",\"cause\":\"Conversation "
			+ ID + " could not be retrieved.\"}}";

	static final String FORBIDDEN = "{\"detail\":{\"response\":\"Access denied\",\"cause\":\"You do not have "
			+ "permission to access this conversation\"}}";

	static final String UNAVAILABLE = "{\"detail\":{\"response\":\"Unable to connect to Llama Stack\","
			+ "\"cause\":\"Connection error.\"}}";

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private ConversationStore store;

	@MockitoBean
	private LlamaStackBackend backend;

	static ConversationRecord record(String id, String owner) {
		return new ConversationRecord(id, owner, "gpt-4o-mini", "openai", OffsetDateTime.parse("2025-08-20T10:11:12Z"),
				OffsetDateTime.parse("2025-08-20T10:15:00.123456Z"), 2, "Pods", "s1");
	}

	static List<ChatTurn> history() {
		var text = JsonNodeFactory.instance;
		return List.of(new ChatTurn(
				List.of(new ChatTurn.Message(text.stringNode("Hello"), "user"),
						new ChatTurn.Message(text.stringNode("Hi there!"), "assistant")),
				"2024-01-01T00:01:00Z", "2024-01-01T00:01:05Z"));
	}

	@Test
	void listShowsTheCallersConversations() {
		given(this.store.listByUser("alice")).willReturn(List.of(record(ID, "alice")));
		assertThat(this.mvc.get().uri("/v1/conversations").with(user("alice"))).hasStatusOk()
			.bodyText()
			.isEqualTo("{\"conversations\":[{\"conversation_id\":\"" + ID + "\",\"created_at\":"
					+ "\"2025-08-20T10:11:12+00:00\",\"last_message_at\":\"2025-08-20T10:15:00.123456+00:00\","
					+ "\"message_count\":2,\"last_used_model\":\"gpt-4o-mini\",\"last_used_provider\":\"openai\"}]}");
		verifyNoInteractions(this.backend);
	}

	@Test
	void listFailureIsA500() {
		given(this.store.listByUser("alice")).willThrow(new DataAccessResourceFailureException("locked"));
		assertThat(this.mvc.get().uri("/v1/conversations").with(user("alice")))
			.hasStatus(HttpStatus.INTERNAL_SERVER_ERROR)
			.bodyJson()
			.isStrictlyEqualTo("{\"detail\":{\"response\":\"Unknown error\",\"cause\":\"Unknown error while getting "
					+ "conversations for user alice\"}}");
	}

	@Test
	void getShowsTheHistory() {
		given(this.store.find(ID)).willReturn(Optional.of(record(ID, "alice")));
		given(this.backend.history(ID)).willReturn(Optional.of(history()));
		assertThat(this.mvc.get().uri("/v1/conversations/" + ID).with(user("alice"))).hasStatusOk()
			.bodyText()
			.isEqualTo("{\"conversation_id\":\"" + ID + "\",\"chat_history\":[{\"messages\":[{\"content\":\"Hello\","
					+ "\"type\":\"user\"},{\"content\":\"Hi there!\",\"type\":\"assistant\"}],"
					+ "\"started_at\":\"2024-01-01T00:01:00Z\",\"completed_at\":\"2024-01-01T00:01:05Z\"}]}");
	}

	@Test
	void getLooksUpTheCanonicalIdAndEchoesTheOneGiven() {
		String upper = ID.toUpperCase();
		given(this.store.find(ID)).willReturn(Optional.of(record(ID, "alice")));
		given(this.backend.history(ID)).willReturn(Optional.of(List.of()));
		assertThat(this.mvc.get().uri("/v1/conversations/" + upper).with(user("alice"))).hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo("{\"conversation_id\":\"" + upper + "\",\"chat_history\":[]}");
	}

	@Test
	void aMalformedIdIsA400() {
		assertThat(this.mvc.get().uri("/v1/conversations/not-a-uuid").with(user("alice")))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.isStrictlyEqualTo("{\"detail\":{\"response\":\"Invalid conversation ID format\",\"cause\":"
					+ "\"Conversation ID not-a-uuid is not a valid UUID\"}}");
		verifyNoInteractions(this.store, this.backend);
	}

	@Test
	void anUnknownConversationIsA404() {
		given(this.store.find(ID)).willReturn(Optional.empty());
		assertThat(this.mvc.get().uri("/v1/conversations/" + ID).with(user("alice"))).hasStatus(HttpStatus.NOT_FOUND)
			.bodyJson()
			.isStrictlyEqualTo(NOT_FOUND);
		verifyNoInteractions(this.backend);
	}

	@Test
	void someoneElsesConversationIsA403() {
		given(this.store.find(ID)).willReturn(Optional.of(record(ID, "bob")));
		assertThat(this.mvc.get().uri("/v1/conversations/" + ID).with(user("alice"))).hasStatus(HttpStatus.FORBIDDEN)
			.bodyJson()
			.isStrictlyEqualTo(FORBIDDEN);
		verifyNoInteractions(this.backend);
	}

	@Test
	void aConversationLlamaStackForgotIsA404() {
		given(this.store.find(ID)).willReturn(Optional.of(record(ID, "alice")));
		given(this.backend.history(ID)).willReturn(Optional.empty());
		assertThat(this.mvc.get().uri("/v1/conversations/" + ID).with(user("alice"))).hasStatus(HttpStatus.NOT_FOUND)
			.bodyJson()
			.isStrictlyEqualTo(NOT_FOUND);
	}

	@Test
	void anUnreachableLlamaStackIsA503() {
		given(this.store.find(ID)).willReturn(Optional.of(record(ID, "alice")));
		given(this.backend.history(ID))
			.willThrow(new LlamaStackUnavailableException(LlamaStackUnavailableException.CONNECTION_ERROR));
		assertThat(this.mvc.get().uri("/v1/conversations/" + ID).with(user("alice")))
			.hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
			.bodyJson()
			.isStrictlyEqualTo(UNAVAILABLE);
	}

	@Test
	void anotherLlamaStackErrorIsA500() {
		given(this.store.find(ID)).willReturn(Optional.of(record(ID, "alice")));
		given(this.backend.history(ID)).willThrow(new LlamaStackApiException(500, "boom"));
		assertThat(this.mvc.get().uri("/v1/conversations/" + ID).with(user("alice")))
			.hasStatus(HttpStatus.INTERNAL_SERVER_ERROR)
			.bodyJson()
			.isStrictlyEqualTo("{\"detail\":{\"response\":\"Unknown error\",\"cause\":\"Unknown error while getting "
					+ "conversation " + ID + " : Error code: 500 - boom\"}}");
	}

	@Test
	void deleteRemovesTheConversationInLlamaStackAndTheRecord() {
		given(this.store.find(ID)).willReturn(Optional.of(record(ID, "alice")));
		given(this.backend.deleteConversation(ID)).willReturn(true);
		assertThat(this.mvc.delete().uri("/v1/conversations/" + ID).with(user("alice"))).hasStatusOk()
			.bodyText()
			.isEqualTo("{\"conversation_id\":\"" + ID
					+ "\",\"success\":true,\"response\":\"Conversation deleted successfully\"}");
		verify(this.backend).deleteConversation(ID);
		verify(this.store).delete(ID);
	}

	@Test
	void deleteOfAConversationLlamaStackNoLongerKnowsStillRemovesTheRecord() {
		given(this.store.find(ID)).willReturn(Optional.of(record(ID, "alice")));
		given(this.backend.deleteConversation(ID)).willThrow(new LlamaStackApiException(404, "not found"));
		assertThat(this.mvc.delete().uri("/v1/conversations/" + ID).with(user("alice"))).hasStatusOk();
		verify(this.store).delete(ID);
	}

	@Test
	void deleteOfSomeoneElsesConversationIsA403AndDeletesNothing() {
		given(this.store.find(ID)).willReturn(Optional.of(record(ID, "bob")));
		assertThat(this.mvc.delete().uri("/v1/conversations/" + ID).with(user("alice"))).hasStatus(HttpStatus.FORBIDDEN)
			.bodyJson()
			.isStrictlyEqualTo(FORBIDDEN);
		verify(this.store, never()).delete(anyString());
		verifyNoInteractions(this.backend);
	}

	@Test
	void deleteWhileLlamaStackIsUnreachableIsA503AndKeepsTheRecord() {
		given(this.store.find(ID)).willReturn(Optional.of(record(ID, "alice")));
		given(this.backend.deleteConversation(ID))
			.willThrow(new LlamaStackUnavailableException(LlamaStackUnavailableException.CONNECTION_ERROR));
		assertThat(this.mvc.delete().uri("/v1/conversations/" + ID).with(user("alice")))
			.hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
			.bodyJson()
			.isStrictlyEqualTo(UNAVAILABLE);
		verify(this.store, never()).delete(anyString());
	}

	@Test
	void deleteOfAMalformedOrUnknownIdIsA400OrA404() {
		assertThat(this.mvc.delete().uri("/v1/conversations/abc").with(user("alice")))
			.hasStatus(HttpStatus.BAD_REQUEST);
		given(this.store.find(ID)).willReturn(Optional.empty());
		assertThat(this.mvc.delete().uri("/v1/conversations/" + ID).with(user("alice"))).hasStatus(HttpStatus.NOT_FOUND)
			.bodyJson()
			.isStrictlyEqualTo(NOT_FOUND);
		verifyNoInteractions(this.backend);
	}

}
