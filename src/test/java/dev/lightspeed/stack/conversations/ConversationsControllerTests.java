package dev.lightspeed.stack.conversations;

import java.util.List;
import java.util.Optional;

import dev.lightspeed.stack.llamastack.ChatTurn;
import dev.lightspeed.stack.llamastack.LlamaStackApiException;
import dev.lightspeed.stack.support.LlamaStackFailures;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static dev.lightspeed.stack.support.TestUsers.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

class ConversationsControllerTests extends ConversationsSlice {

	@Test
	void listShowsTheCallersConversations() {
		given(this.store.listByUser("alice", ConversationStore.Order.OLDEST_FIRST))
			.willReturn(List.of(record(ID, "alice")));
		assertThat(this.mvc.get().uri("/v1/conversations").with(user("alice"))).hasStatusOk()
			.bodyText()
			.isEqualTo("{\"conversations\":[{\"conversation_id\":\"" + ID + "\",\"created_at\":"
					+ "\"2025-08-20T10:11:12\",\"last_message_at\":\"2025-08-20T10:15:00.123456\","
					+ "\"message_count\":2,\"last_used_model\":\"gpt-4o-mini\",\"last_used_provider\":\"openai\"}]}");
		verifyNoInteractions(this.backend);
	}

	@Test
	void listFailureIsA500() {
		given(this.store.listByUser("alice", ConversationStore.Order.OLDEST_FIRST))
			.willThrow(new DataAccessResourceFailureException("locked"));
		assertThat(this.mvc.get().uri("/v1/conversations").with(user("alice")))
			.hasStatus(HttpStatus.INTERNAL_SERVER_ERROR)
			.bodyJson()
			.isStrictlyEqualTo("{\"detail\":{\"response\":\"Unknown error\",\"cause\":\"Unknown error while getting "
					+ "conversations for user alice\"}}");
	}

	@Test
	void getShowsTheHistory() {
		given(this.store.find(ID)).willReturn(Optional.of(record(ID, "alice")));
		given(this.backend.history(upstream(ID))).willReturn(Optional.of(history()));
		assertThat(this.mvc.get().uri("/v1/conversations/" + ID).with(user("alice"))).hasStatusOk()
			.bodyText()
			.isEqualTo("{\"conversation_id\":\"" + ID + "\",\"chat_history\":[{\"messages\":[{\"content\":\"Hello\","
					+ "\"type\":\"user\"},{\"content\":\"Hi there!\",\"type\":\"assistant\"}],"
					+ "\"started_at\":\"2024-01-01T00:01:00Z\",\"completed_at\":\"2024-01-01T00:01:05Z\"}]}");
	}

	@Test
	void turnTimesAreShownAsLcsShowsThemWhateverFormLlamaStackUsed() {
		given(this.store.find(ID)).willReturn(Optional.of(record(ID, "alice")));
		given(this.backend.history(upstream(ID))).willReturn(Optional
			.of(List.of(new ChatTurn(List.of(), "2026-11-21T13:08:47.000000Z", "2026-11-21T13:08:48.120000+00:00"),
					new ChatTurn(List.of(), "2026-11-21T15:08:49.5+02:00", null))));
		for (String path : List.of("/v1/conversations/", "/v2/conversations/")) {
			assertThat(this.mvc.get().uri(path + ID).with(user("alice"))).hasStatusOk()
				.bodyText()
				.contains("\"started_at\":\"2026-11-21T13:08:47Z\",\"completed_at\":\"2026-11-21T13:08:48.120000Z\"",
						"\"started_at\":\"2026-11-21T15:08:49.500000+02:00\",\"completed_at\":null");
		}
	}

	@Test
	void getLooksUpTheCanonicalIdAndEchoesTheOneGiven() {
		String upper = ID.toUpperCase();
		given(this.store.find(ID)).willReturn(Optional.of(record(ID, "alice")));
		given(this.backend.history(upstream(ID))).willReturn(Optional.of(List.of()));
		assertThat(this.mvc.get().uri("/v1/conversations/" + upper).with(user("alice"))).hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo("{\"conversation_id\":\"" + upper + "\",\"chat_history\":[]}");
	}

	@Test
	void aConversationLlamaStackForgotIsA404() {
		given(this.store.find(ID)).willReturn(Optional.of(record(ID, "alice")));
		given(this.backend.history(upstream(ID))).willReturn(Optional.empty());
		assertThat(this.mvc.get().uri("/v1/conversations/" + ID).with(user("alice"))).hasStatus(HttpStatus.NOT_FOUND)
			.bodyJson()
			.isStrictlyEqualTo(NOT_FOUND);
	}

	@Test
	void anUnreachableLlamaStackIsA503() {
		given(this.store.find(ID)).willReturn(Optional.of(record(ID, "alice")));
		given(this.backend.history(upstream(ID))).willThrow(LlamaStackFailures.connectionError());
		assertThat(this.mvc.get().uri("/v1/conversations/" + ID).with(user("alice")))
			.hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
			.bodyJson()
			.isStrictlyEqualTo(LlamaStackFailures.UNAVAILABLE);
	}

	@Test
	void anotherLlamaStackErrorIsA500() {
		given(this.store.find(ID)).willReturn(Optional.of(record(ID, "alice")));
		given(this.backend.history(upstream(ID))).willThrow(new LlamaStackApiException(500, "boom"));
		assertThat(this.mvc.get().uri("/v1/conversations/" + ID).with(user("alice")))
			.hasStatus(HttpStatus.INTERNAL_SERVER_ERROR)
			.bodyJson()
			.isStrictlyEqualTo("{\"detail\":{\"response\":\"Unknown error\",\"cause\":\"Unknown error while getting "
					+ "conversation " + ID + " : Error code: 500 - boom\"}}");
	}

	@Test
	void deleteRemovesTheConversationInLlamaStackAndTheRecord() {
		given(this.store.find(ID)).willReturn(Optional.of(record(ID, "alice")));
		given(this.backend.deleteConversation(upstream(ID))).willReturn(true);
		assertThat(this.mvc.delete().uri("/v1/conversations/" + ID).with(user("alice"))).hasStatusOk()
			.bodyText()
			.isEqualTo("{\"conversation_id\":\"" + ID
					+ "\",\"success\":true,\"response\":\"Conversation deleted successfully\"}");
		verify(this.backend).deleteConversation(upstream(ID));
		verify(this.store).delete(ID);
	}

	@Test
	void deleteOfAConversationLlamaStackNoLongerKnowsStillRemovesTheRecord() {
		given(this.store.find(ID)).willReturn(Optional.of(record(ID, "alice")));
		given(this.backend.deleteConversation(upstream(ID))).willThrow(new LlamaStackApiException(404, "not found"));
		assertThat(this.mvc.delete().uri("/v1/conversations/" + ID).with(user("alice"))).hasStatusOk();
		verify(this.store).delete(ID);
	}

	@Test
	void deleteWhileLlamaStackIsUnreachableIsA503AndKeepsTheRecord() {
		given(this.store.find(ID)).willReturn(Optional.of(record(ID, "alice")));
		given(this.backend.deleteConversation(upstream(ID))).willThrow(LlamaStackFailures.connectionError());
		assertThat(this.mvc.delete().uri("/v1/conversations/" + ID).with(user("alice")))
			.hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
			.bodyJson()
			.isStrictlyEqualTo(LlamaStackFailures.UNAVAILABLE);
		verify(this.store, never()).delete(anyString());
	}

	@Test
	void putSetsTheTopicSummaryOfTheCallersConversationAsLcs040() {
		assertThat(putTopicSummary("alice")).hasStatus(HttpStatus.NOT_FOUND).bodyJson().isStrictlyEqualTo(NOT_FOUND);
		given(this.store.find(ID)).willReturn(Optional.of(record(ID, "alice")));
		assertThat(putTopicSummary("bob")).hasStatus(HttpStatus.FORBIDDEN).bodyJson().isStrictlyEqualTo(FORBIDDEN);
		verify(this.store, never()).setTopicSummary(anyString(), anyString());
		assertThat(putTopicSummary("alice")).hasStatusOk()
			.bodyText()
			.isEqualTo("{\"conversation_id\":\"" + ID
					+ "\",\"success\":true,\"message\":\"Topic summary updated successfully\"}");
		verify(this.store).setTopicSummary(ID, "Pods");
	}

	private MvcTestResult putTopicSummary(String caller) {
		return this.mvc.put()
			.uri("/v1/conversations/" + ID)
			.with(user(caller))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"topic_summary\": \"Pods\"}")
			.exchange();
	}

}
