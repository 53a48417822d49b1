package dev.lightspeed.stack.query;

import dev.lightspeed.stack.auth.AuthenticatedUser;
import dev.lightspeed.stack.config.Action;
import dev.lightspeed.stack.conversations.ConversationIds;
import dev.lightspeed.stack.conversations.ConversationRecord;
import dev.lightspeed.stack.conversations.ConversationStore;
import dev.lightspeed.stack.errors.ApiException;
import dev.lightspeed.stack.llamastack.Conversation;
import dev.lightspeed.stack.llamastack.LlamaStackStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The conversation a question continues: its id must name a conversation we recorded (404
 * otherwise, a malformed id included, as LCS answers a query), of the caller unless the
 * access rules let the caller query other users' conversations (403), and that Llama
 * Stack still has (404).
 */
@Component
class TurnConversation {

	private final ConversationStore conversations;

	private final LlamaStackStatus llamaStack;

	TurnConversation(ConversationStore conversations, LlamaStackStatus llamaStack) {
		this.conversations = conversations;
		this.llamaStack = llamaStack;
	}

	ConversationRecord owned(@Nullable String requestedId, AuthenticatedUser user) {
		String id = ConversationIds.canonical(String.valueOf(requestedId))
			.orElseThrow(() -> notFound(String.valueOf(requestedId)));
		ConversationRecord record = this.conversations.find(id).orElseThrow(() -> notFound(id));
		if (!record.userId().equals(user.userId()) && !user.may(Action.QUERY_OTHER_CONVERSATIONS)) {
			throw ApiException.of(HttpStatus.FORBIDDEN, "Access denied",
					"You do not have permission to access this conversation");
		}
		return record;
	}

	Conversation resume(ConversationRecord record) {
		return this.llamaStack.backend()
			.findConversation(new Conversation(record.id(), record.sessionId()))
			.orElseThrow(() -> notFound(record.id()));
	}

	private static ApiException notFound(String id) {
		return ApiException.of(HttpStatus.NOT_FOUND, "Conversation not found",
				"Conversation " + id + " could not be retrieved.");
	}

}
