package dev.lightspeed.stack.conversations;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.lightspeed.stack.llamastack.ChatTurn;
import dev.lightspeed.stack.support.InMemoryTurnTimes;
import dev.lightspeed.stack.support.LlamaStackFailures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static dev.lightspeed.stack.support.TestUsers.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

class ConversationsV2ControllerTests extends ConversationsSlice {

	@Test
	void listShowsTopicSummariesAndEpochTimestampsNewestFirst() {
		ConversationRecord older = new ConversationRecord("c-old", "alice", "m", "p",
				OffsetDateTime.parse("2025-08-20T10:00:00Z"), OffsetDateTime.parse("2025-08-20T10:11:12Z"), 1, null,
				null);
		given(this.store.listByUser("alice", ConversationStore.Order.NEWEST_MESSAGE_FIRST))
			.willReturn(List.of(record(ID, "alice"), older));
		assertThat(this.mvc.get().uri("/v2/conversations").with(user("alice"))).hasStatusOk()
			.bodyText()
			.isEqualTo("{\"conversations\":[{\"conversation_id\":\"" + ID + "\",\"topic_summary\":\"Pods\","
					+ "\"last_message_timestamp\":1755684900.123456},{\"conversation_id\":\"c-old\","
					+ "\"topic_summary\":null,\"last_message_timestamp\":1755684672.0}]}");
	}

	@Test
	void getShowsTheHistoryWithProviderAndModel() {
		given(this.store.find(ID)).willReturn(Optional.of(record(ID, "alice")));
		given(this.backend.history(upstream(ID))).willReturn(Optional.of(history()));
		assertThat(this.mvc.get().uri("/v2/conversations/" + ID).with(user("alice"))).hasStatusOk()
			.bodyText()
			.isEqualTo("{\"conversation_id\":\"" + ID + "\",\"chat_history\":[{\"provider\":\"openai\","
					+ "\"model\":\"gpt-4o-mini\",\"messages\":[{\"content\":\"Hello\",\"type\":\"user\"},"
					+ "{\"content\":\"Hi there!\",\"type\":\"assistant\"}],\"started_at\":\"2024-01-01T00:01:00Z\","
					+ "\"completed_at\":\"2024-01-01T00:01:05Z\"}]}");
	}

	@Test
	void turnsLlamaStackKeepsNoTimesForShowTheTimesRecordedForThem() {
		this.turnTimes.delete(ID);
		given(this.store.find(ID)).willReturn(Optional.of(record(ID, "alice")));
		var text = JsonNodeFactory.instance;
		ChatTurn untimed = new ChatTurn(List.of(new ChatTurn.Message(text.stringNode("Hello"), "user"),
				new ChatTurn.Message(text.stringNode("Hi there!"), "assistant")), null, null);
		given(this.backend.history(upstream(ID))).willReturn(Optional.of(List.of(untimed, untimed)));
		this.turnTimes.record(ID, Instant.parse("2026-12-07T10:00:00Z"), Instant.parse("2026-12-07T10:00:02.5Z"));

		assertThat(this.mvc.get().uri("/v2/conversations/" + ID).with(user("alice"))).hasStatusOk()
			.bodyJson()
			.extractingPath("$.chat_history[*].started_at")
			.isEqualTo(Arrays.asList("2026-12-07T10:00:00Z", null));
		assertThat(this.mvc.get().uri("/v2/conversations/" + ID).with(user("alice"))).bodyJson()
			.extractingPath("$.chat_history[0].completed_at")
			.isEqualTo("2026-12-07T10:00:02.500000Z");
	}

	@Test
	void getWhileLlamaStackIsUnreachableIsA503() {
		given(this.store.find(ID)).willReturn(Optional.of(record(ID, "alice")));
		given(this.backend.history(upstream(ID))).willThrow(LlamaStackFailures.connectionError());
		assertThat(this.mvc.get().uri("/v2/conversations/" + ID).with(user("alice")))
			.hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
			.bodyJson()
			.isStrictlyEqualTo(LlamaStackFailures.UNAVAILABLE);
	}

	private MvcTestResult put(String userId, String id, String body) {
		return this.mvc.put()
			.uri("/v2/conversations/" + id)
			.with(user(userId))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	@Test
	void putSetsTheTopicSummary() {
		given(this.store.find(ID)).willReturn(Optional.of(record(ID, "alice")));
		assertThat(put("alice", ID, "{\"topic_summary\": \"Pods in demo\"}")).hasStatusOk()
			.bodyText()
			.isEqualTo("{\"conversation_id\":\"" + ID
					+ "\",\"success\":true,\"message\":\"Topic summary updated successfully\"}");
		verify(this.store).setTopicSummary(ID, "Pods in demo");
	}

	@Test
	void putRefusesAnEmptyOrOverlongTopicSummary() {
		given(this.store.find(ID)).willReturn(Optional.of(record(ID, "alice")));
		assertThat(put("alice", ID, "{\"topic_summary\": \"\"}")).hasStatus4xxClientError();
		assertThat(put("alice", ID, "{\"topic_summary\": \"" + "x".repeat(1001) + "\"}")).hasStatus4xxClientError();
		verify(this.store, never()).setTopicSummary(anyString(), anyString());
	}

	@Test
	void deleteRemovesTheConversationInLlamaStackAndTheRecord() {
		given(this.store.find(ID)).willReturn(Optional.of(record(ID, "alice")));
		assertThat(this.mvc.delete().uri("/v2/conversations/" + ID).with(user("alice"))).hasStatusOk()
			.bodyText()
			.isEqualTo("{\"conversation_id\":\"" + ID
					+ "\",\"success\":true,\"response\":\"Conversation deleted successfully\"}");
		verify(this.backend).deleteConversation(upstream(ID));
		verify(this.store).delete(ID);
	}

}
