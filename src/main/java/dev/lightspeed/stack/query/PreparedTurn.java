package dev.lightspeed.stack.query;

import java.time.Instant;

import dev.lightspeed.stack.auth.AuthenticatedUser;
import dev.lightspeed.stack.llamastack.Conversation;
import dev.lightspeed.stack.llamastack.TurnInput;

/**
 * Everything a turn needs once the request has passed every check: the conversation (new
 * or continued), the model and the input.
 *
 * @param user the caller
 * @param request the request
 * @param conversation the conversation the turn runs in
 * @param selection the model
 * @param input the turn input
 * @param startedAt when the question came
 */
record PreparedTurn(AuthenticatedUser user, QueryRequest request, Conversation conversation, ModelSelection selection,
		TurnInput input, Instant startedAt) {
}
