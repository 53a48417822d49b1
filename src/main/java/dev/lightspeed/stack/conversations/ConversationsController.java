package dev.lightspeed.stack.conversations;

import dev.lightspeed.stack.auth.AuthenticatedUser;
import dev.lightspeed.stack.config.Action;
import dev.lightspeed.stack.llamastack.ChatTurn;
import dev.lightspeed.stack.storage.DatabaseVendor;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/conversations}: the list comes from our database, oldest first with its
 * timestamps as LCS 0.2.0 shows them; a conversation's history from Llama Stack; its
 * topic summary changed as LCS 0.4.0 does. Responses keep the id as the caller wrote it,
 * as LCS does.
 */
@RestController
@RequestMapping("/v1/conversations")
class ConversationsController {

	private final ConversationAccess access;

	private final ConversationHistory history;

	private final DatabaseVendor vendor;

	ConversationsController(ConversationAccess access, ConversationHistory history, DatabaseVendor vendor) {
		this.access = access;
		this.history = history;
		this.vendor = vendor;
	}

	@GetMapping
	ConversationsListResponse list(@AuthenticationPrincipal AuthenticatedUser user) {
		return new ConversationsListResponse(this.access.listed(user, ConversationStore.Order.OLDEST_FIRST)
			.stream()
			.map((record) -> ConversationDetails.of(record, this.vendor))
			.toList());
	}

	@GetMapping("/{conversation_id}")
	ConversationResponse<ChatTurn> get(@AuthenticationPrincipal AuthenticatedUser user,
			@PathVariable("conversation_id") String conversationId) {
		ConversationRecord record = this.access.owned(user, conversationId, Action.READ_OTHER_CONVERSATIONS);
		return new ConversationResponse<>(conversationId, this.history.turns(record, conversationId));
	}

	/**
	 * LCS 0.4.0's {@code PUT /v1/conversations/{id}}: the same topic summary update as
	 * {@code /v2}.
	 */
	@PutMapping("/{conversation_id}")
	ConversationUpdateResponse update(@AuthenticationPrincipal AuthenticatedUser user,
			@PathVariable("conversation_id") String conversationId, @RequestBody ConversationUpdateRequest request) {
		return this.access.updateTopicSummary(user, conversationId, request);
	}

	@DeleteMapping("/{conversation_id}")
	ConversationDeleteResponse delete(@AuthenticationPrincipal AuthenticatedUser user,
			@PathVariable("conversation_id") String conversationId) {
		return this.history.delete(this.access.owned(user, conversationId, Action.DELETE_OTHER_CONVERSATIONS),
				conversationId);
	}

}
