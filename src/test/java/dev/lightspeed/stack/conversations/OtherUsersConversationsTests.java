package dev.lightspeed.stack.conversations;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.lightspeed.stack.config.Action;
import org.junit.jupiter.api.Test;

import static dev.lightspeed.stack.support.TestUsers.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;

/**
 * Other users' conversations: refused by default, opened one action at a time by the
 * access rules ({@code list_other_conversations}, {@code read_other_conversations},
 * {@code delete_other_conversations}); the topic summary stays the owner's.
 */
class OtherUsersConversationsTests extends ConversationsSlice {

	@Test
	void withoutTheActionsAnotherUsersConversationShouldBe403Everywhere() {
		given(this.store.find(ID)).willReturn(Optional.of(record(ID, "alice")));
		for (String version : List.of("/v1", "/v2")) {
			assertThat(this.mvc.get().uri(version + "/conversations/" + ID).with(user("bob"))).hasStatus(403)
				.bodyText()
				.isEqualTo(FORBIDDEN);
			assertThat(this.mvc.delete().uri(version + "/conversations/" + ID).with(user("bob"))).hasStatus(403);
		}
	}

	@Test
	void readOtherConversationsShouldOpenReadingOnly() {
		given(this.store.find(ID)).willReturn(Optional.of(record(ID, "alice")));
		given(this.backend.history(upstream(ID))).willReturn(Optional.of(history()));
		var auditor = user("bob", Set.of(Action.GET_CONVERSATION, Action.READ_OTHER_CONVERSATIONS));
		assertThat(this.mvc.get().uri("/v1/conversations/" + ID).with(auditor)).hasStatusOk();
		assertThat(this.mvc.get().uri("/v2/conversations/" + ID).with(auditor)).hasStatusOk();
		assertThat(this.mvc.delete().uri("/v1/conversations/" + ID).with(auditor)).hasStatus(403);
		assertThat(this.mvc.put()
			.uri("/v2/conversations/" + ID)
			.with(user("bob", Set.of(Action.values())))
			.contentType("application/json")
			.content("{\"topic_summary\":\"mine now\"}")).hasStatus(403);
	}

	@Test
	void deleteOtherConversationsShouldOpenDeleting() {
		given(this.store.find(ID)).willReturn(Optional.of(record(ID, "alice")));
		given(this.backend.deleteConversation(upstream(ID))).willReturn(true);
		assertThat(this.mvc.delete()
			.uri("/v2/conversations/" + ID)
			.with(user("bob", Set.of(Action.DELETE_CONVERSATION, Action.DELETE_OTHER_CONVERSATIONS)))).hasStatusOk();
		verify(this.store).delete(ID);
	}

	@Test
	void listOtherConversationsShouldListEveryUsers() {
		given(this.store.listAll(ConversationStore.Order.NEWEST_MESSAGE_FIRST))
			.willReturn(List.of(record(ID, "alice")));
		assertThat(this.mvc.get()
			.uri("/v2/conversations")
			.with(user("bob", Set.of(Action.LIST_CONVERSATIONS, Action.LIST_OTHER_CONVERSATIONS)))).hasStatusOk()
			.bodyText()
			.contains(ID);
		given(this.store.listByUser("bob", ConversationStore.Order.NEWEST_MESSAGE_FIRST)).willReturn(List.of());
		assertThat(this.mvc.get().uri("/v2/conversations").with(user("bob"))).hasStatusOk()
			.bodyText()
			.doesNotContain(ID);
	}

}
