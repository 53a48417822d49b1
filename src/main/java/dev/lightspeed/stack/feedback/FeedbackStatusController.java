package dev.lightspeed.stack.feedback;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.lightspeed.stack.auth.AuthenticatedUser;
import dev.lightspeed.stack.storage.PythonDateTimes;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/feedback/status}, open to everyone, and {@code PUT}, which switches
 * feedback on or off while the service runs (LCS 0.3.0; per replica, until it stops;
 * authorization hook: LCS's {@code ADMIN} action). Kept apart from
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

	@PutMapping("/v1/feedback/status")
	FeedbackStatusUpdateResponse update(@AuthenticationPrincipal AuthenticatedUser user,
			@RequestBody FeedbackStatusUpdateRequest request) {
		boolean previous = this.feedback.enable(request.wanted());
		Map<String, Object> status = new LinkedHashMap<>();
		status.put("previous_status", previous);
		status.put("updated_status", this.feedback.enabled());
		status.put("updated_by", user.userId());
		status.put("timestamp", PythonDateTimes.str(OffsetDateTime.now(this.feedback.clock())));
		return new FeedbackStatusUpdateResponse(status);
	}

}
