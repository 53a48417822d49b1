package dev.lightspeed.stack.conversations;

import dev.lightspeed.stack.auth.AuthenticatedUser;
import dev.lightspeed.stack.config.Action;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v2/conversations} (LCS 0.3.x, used by the Backstage plugin): list with topic
 * summaries, history with provider and model, topic summary update, delete.
 */
@RestController
@RequestMapping("/v2/conversations")
class ConversationsV2Controller {

	private final ConversationAccess access;

	private final ConversationHistory history;

	ConversationsV2Controller(ConversationAccess access, ConversationHistory history) {
		this.access = access;
		this.history = history;
	}

	@GetMapping
	ConversationsListResponseV2 list(@AuthenticationPrincipal AuthenticatedUser user) {
		return new ConversationsListResponseV2(this.access.listed(user, ConversationStore.Order.NEWEST_MESSAGE_FIRST)
			.stream()
			.map(ConversationData::of)
			.toList());
	}

	@GetMapping("/{conversation_id}")
	ConversationResponse<ConversationTurnV2> get(@AuthenticationPrincipal AuthenticatedUser user,
			@PathVariable("conversation_id") String conversationId) {
		ConversationRecord record = this.access.owned(user, conversationId, Action.READ_OTHER_CONVERSATIONS);
		return new ConversationResponse<>(conversationId,
				this.history.turns(record, conversationId)
					.stream()
					.map((turn) -> ConversationTurnV2.of(record, turn))
					.toList());
	}

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
