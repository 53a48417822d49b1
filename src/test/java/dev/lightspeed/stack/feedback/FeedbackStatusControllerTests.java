package dev.lightspeed.stack.feedback;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import dev.lightspeed.stack.config.UserDataCollectionConfig;
import dev.lightspeed.stack.conversations.ConversationAccess;
import dev.lightspeed.stack.support.InMemoryConversationStore;
import dev.lightspeed.stack.support.WebSlice;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code PUT /v1/feedback/status} (LCS 0.3.0): an authenticated caller switches feedback
 * off and on while the service runs; {@code GET} and {@code POST /v1/feedback} follow.
 */
@WebMvcTest({ FeedbackController.class, FeedbackStatusController.class })
@Import({ WebSlice.class, FeedbackStatusControllerTests.Feedback.class })
class FeedbackStatusControllerTests {

	@Autowired
	private MockMvcTester mvc;

	private MvcTestResult put(String body) {
		return this.mvc.put()
			.uri("/v1/feedback/status?user_id=admin")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	@Test
	void feedbackIsSwitchedOffAndOnWhileTheServiceRuns() {
		assertThat(put("{\"status\": false}")).hasStatusOk().bodyJson().isStrictlyEqualTo("""
				{"status": {"previous_status": true, "updated_status": false, "updated_by": "admin",
				 "timestamp": "2026-12-07 10:00:00+00:00"}}""");
		assertThat(this.mvc.get().uri("/v1/feedback/status")).bodyJson()
			.isStrictlyEqualTo("{\"functionality\":\"feedback\",\"status\":{\"enabled\":false}}");
		assertThat(this.mvc.post().uri("/v1/feedback").contentType(MediaType.APPLICATION_JSON).content("{}"))
			.hasStatus(403);
		assertThat(put("{\"status\": true}")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.status.previous_status")
			.isEqualTo(false);
		assertThat(this.mvc.get().uri("/v1/feedback/status")).bodyJson()
			.extractingPath("$.status.enabled")
			.isEqualTo(true);
	}

	@Test
	void anAbsentStatusSwitchesFeedbackOffAndAnUnknownFieldIsRefused() {
		assertThat(put("{}")).hasStatusOk().bodyJson().extractingPath("$.status.updated_status").isEqualTo(false);
		assertThat(put("{\"enabled\": true}")).hasStatus(422).bodyText().contains("extra_forbidden");
		assertThat(put("{\"status\": \"maybe\"}")).hasStatus(422).bodyText().contains("bool_parsing");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Feedback {

		@Bean
		FeedbackService feedbackService() {
			return new FeedbackService(new UserDataCollectionConfig(true, "/tmp/feedback", false, null, null), null,
					Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC), UUID::randomUUID,
					new ConversationAccess(new InMemoryConversationStore()));
		}

	}

}
