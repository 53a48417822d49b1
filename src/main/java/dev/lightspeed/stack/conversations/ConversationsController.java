package dev.lightspeed.stack.conversations;

import dev.lightspeed.stack.auth.AuthenticatedUser;
import dev.lightspeed.stack.config.Action;
import dev.lightspeed.stack.llamastack.ChatTurn;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/conversations}: the list comes from our database, a conversation's history
 * from Llama Stack. Responses keep the id as the caller wrote it, as LCS does.
 */
@RestController
@RequestMapping("/v1/conversations")
class ConversationsController {

	private final ConversationAccess access;

	private final ConversationHistory history;

	ConversationsController(ConversationAccess access, ConversationHistory history) {
		this.access = access;
		this.history = history;
	}

	@GetMapping
	ConversationsListResponse list(@AuthenticationPrincipal AuthenticatedUser user) {
		return new ConversationsListResponse(this.access.listed(user).stream().map(ConversationDetails::of).toList());
	}

	@GetMapping("/{conversation_id}")
	ConversationResponse<ChatTurn> get(@AuthenticationPrincipal AuthenticatedUser user,
			@PathVariable("conversation_id") String conversationId) {
		ConversationRecord record = this.access.owned(user, conversationId, Action.READ_OTHER_CONVERSATIONS);
		return new ConversationResponse<>(conversationId, this.history.turns(record, conversationId));
	}

	@DeleteMapping("/{conversation_id}")
	ConversationDeleteResponse delete(@AuthenticationPrincipal AuthenticatedUser user,
			@PathVariable("conversation_id") String conversationId) {
		return this.history.delete(this.access.owned(user, conversationId, Action.DELETE_OTHER_CONVERSATIONS),
				conversationId);
	}

}
