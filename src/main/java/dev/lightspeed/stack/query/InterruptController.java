package dev.lightspeed.stack.query;

import dev.lightspeed.stack.auth.AuthenticatedUser;
import dev.lightspeed.stack.errors.ApiException;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/streaming_query/interrupt}: stops a stream of the caller's (the RHDH
 * plugin's Stop button). The stream then ends with an {@code interrupted} event, and the
 * partial answer is kept.
 */
@RestController
class InterruptController {

	private final ActiveStreams streams;

	InterruptController(ActiveStreams streams) {
		this.streams = streams;
	}

	@PostMapping("/v1/streaming_query/interrupt")
	InterruptResponse interrupt(@AuthenticationPrincipal AuthenticatedUser user,
			@RequestBody InterruptRequest request) {
		String requestId = request.requestId();
		return switch (this.streams.interrupt(requestId, user.userId())) {
			case INTERRUPTED -> new InterruptResponse(requestId, true, "Streaming request interrupted");
			case FORBIDDEN -> throw ApiException.of(HttpStatus.FORBIDDEN,
					"User does not have permission to interrupt this streaming request",
					"User " + user.userId() + " does not own streaming request with ID " + requestId);
			case NOT_FOUND -> throw ApiException.of(HttpStatus.NOT_FOUND, "Streaming Request not found",
					"Streaming Request with ID " + requestId + " does not exist");
		};
	}

}
