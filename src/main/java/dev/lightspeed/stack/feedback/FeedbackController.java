package dev.lightspeed.stack.feedback;

import dev.lightspeed.stack.auth.AuthenticatedUser;
import dev.lightspeed.stack.errors.ApiException;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/feedback}.
 */
@RestController
class FeedbackController {

	private final FeedbackService feedback;

	FeedbackController(FeedbackService feedback) {
		this.feedback = feedback;
	}

	/**
	 * Runs before the body is read and validated, so a disabled feature answers 403 to
	 * any body, as LCS's dependency order does.
	 */
	@ModelAttribute
	void requireFeedbackEnabled() {
		if (!this.feedback.enabled()) {
			throw ApiException.text(HttpStatus.FORBIDDEN, "Forbidden: Feedback is disabled");
		}
	}

	@PostMapping("/v1/feedback")
	FeedbackResponse feedback(@AuthenticationPrincipal AuthenticatedUser user, @RequestBody FeedbackRequest request) {
		this.feedback.store(user, request);
		return new FeedbackResponse("feedback received");
	}

}
