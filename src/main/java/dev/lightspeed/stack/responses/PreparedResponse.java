package dev.lightspeed.stack.responses;

import java.time.Instant;
import java.util.Map;

import dev.lightspeed.stack.auth.AuthenticatedUser;
import dev.lightspeed.stack.llamastack.TurnEvent;
import org.jspecify.annotations.Nullable;

/**
 * A response ready to be asked for: everything checked before the first byte.
 *
 * @param user the caller
 * @param request the request
 * @param conversation the conversation it runs in, null when nothing is stored
 * @param newConversation whether the conversation starts here
 * @param modelId the Llama Stack model ({@code provider/model})
 * @param question the input as text, for shields and the transcript
 * @param body what goes to Llama Stack
 * @param refusal the input shield's refusal, null when the input passed
 * @param startedAt when the request came
 */
record PreparedResponse(AuthenticatedUser user, ResponsesRequest request, @Nullable Conversation conversation,
		boolean newConversation, String modelId, String question, Map<String, Object> body,
		TurnEvent.@Nullable Violation refusal, Instant startedAt) {

	String provider() {
		int slash = this.modelId.indexOf('/');
		return (slash > 0) ? this.modelId.substring(0, slash) : "";
	}

	String model() {
		int slash = this.modelId.indexOf('/');
		return (slash > 0) ? this.modelId.substring(slash + 1) : this.modelId;
	}

	/**
	 * A conversation: this service's id for clients, Llama Stack's for the request.
	 *
	 * @param id this service's UUID
	 * @param upstreamId Llama Stack's {@code conv_…}
	 */
	record Conversation(String id, String upstreamId) {
	}

}
