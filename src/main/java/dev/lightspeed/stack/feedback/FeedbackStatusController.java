package dev.lightspeed.stack.feedback;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/feedback/status}, open to everyone. Kept apart from
 * {@link FeedbackController}, whose enabled check applies to every handler it has.
 */
@RestController
class FeedbackStatusController {

	private final FeedbackService feedback;

	FeedbackStatusController(FeedbackService feedback) {
		this.feedback = feedback;
	}

	@GetMapping("/v1/feedback/status")
	StatusResponse status() {
		return new StatusResponse("feedback", Map.of("enabled", this.feedback.enabled()));
	}

}
