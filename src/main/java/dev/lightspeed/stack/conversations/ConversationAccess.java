package dev.lightspeed.stack.conversations;

import java.util.List;

import dev.lightspeed.stack.auth.AuthenticatedUser;
import dev.lightspeed.stack.config.Action;
import dev.lightspeed.stack.errors.ApiException;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The checks every conversation endpoint makes on its path id: a UUID (400), known (404)
 * and owned by the caller unless the access rules let the caller act on other users'
 * conversations (403; LCS 0.2.0 skipped this, 0.3.x enforces it); feedback makes them too
 * (LCS 0.4.0).
 */
@Component
public class ConversationAccess {

	private final ConversationStore store;

	/**
	 * Checks against a store.
	 * @param store the conversations
	 */
	public ConversationAccess(ConversationStore store) {
		this.store = store;
	}

	List<ConversationRecord> listed(AuthenticatedUser user, ConversationStore.Order order) {
		try {
			return user.may(Action.LIST_OTHER_CONVERSATIONS) ? this.store.listAll(order)
					: this.store.listByUser(user.userId(), order);
		}
		catch (DataAccessException | IllegalArgumentException ex) {
			throw ApiException.of(HttpStatus.INTERNAL_SERVER_ERROR, "Unknown error",
					"Unknown error while getting conversations for user " + user.userId());
		}
	}

	/**
	 * Sets the topic summary of the caller's conversation ({@code PUT} of
	 * {@code /v1/conversations/{id}} and {@code /v2/conversations/{id}}).
	 */
	ConversationUpdateResponse updateTopicSummary(AuthenticatedUser user, String id,
			ConversationUpdateRequest request) {
		this.store.setTopicSummary(owned(user, id, null).id(), request.topicSummary());
		return new ConversationUpdateResponse(id, true, "Topic summary updated successfully");
	}

	/**
	 * The caller's conversation, or another user's when the caller may take an action on
	 * it.
	 * @param user the caller
	 * @param id the id as the path gave it
	 * @param others the action that opens other users' conversations, null for none
	 * @return the record; its id is the canonical id
	 */
	public ConversationRecord owned(AuthenticatedUser user, String id, @Nullable Action others) {
		String canonical = ConversationIds.canonical(id)
			.orElseThrow(() -> ApiException.of(HttpStatus.BAD_REQUEST, "Invalid conversation ID format",
					"Conversation ID " + id + " is not a valid UUID"));
		ConversationRecord record = this.store.find(canonical)
			.orElseThrow(() -> ApiException.of(HttpStatus.NOT_FOUND, "Conversation not found",
					"Conversation " + id + " could not be retrieved."));
		if (!record.userId().equals(user.userId()) && (others == null || !user.may(others))) {
			throw ApiException.of(HttpStatus.FORBIDDEN, "Access denied",
					"You do not have permission to access this conversation");
		}
		return record;
	}

}
