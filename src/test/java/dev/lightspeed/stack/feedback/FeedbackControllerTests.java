package dev.lightspeed.stack.feedback;

import dev.lightspeed.stack.errors.ErrorResponses;
import java.util.List;

import dev.lightspeed.stack.auth.AuthenticatedUser;
import dev.lightspeed.stack.errors.ApiException;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static dev.lightspeed.stack.support.TestUsers.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

@WebMvcTest({ FeedbackController.class, FeedbackStatusController.class })
@Import(ErrorResponses.class)
class FeedbackControllerTests {

	private static final String VALID = """
			{"conversation_id": "12345678-abcd-0000-0123-456789abcdef", "user_question": "foo",
			 "llm_response": "bar", "categories": ["unsafe", "incorrect", "unsafe"], "extra": true}""";

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private FeedbackService service;

	private MvcTestResult post(String body) {
		return this.mvc.post()
			.uri("/v1/feedback")
			.with(user("alice"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	@Test
	void disabledFeedbackIsForbiddenBeforeTheBodyIsValidated() {
		given(this.service.enabled()).willReturn(false);
		assertThat(post("{\"sentiment\": 7}")).hasStatus(HttpStatus.FORBIDDEN)
			.bodyJson()
			.isStrictlyEqualTo("{\"detail\":\"Forbidden: Feedback is disabled\"}");
		assertThat(post(VALID)).hasStatus(HttpStatus.FORBIDDEN);
		verify(this.service, never()).store(any(), any());
	}

	@Test
	void validFeedbackIsStoredForTheCaller() {
		given(this.service.enabled()).willReturn(true);
		assertThat(post(VALID)).hasStatusOk().bodyJson().isStrictlyEqualTo("{\"response\":\"feedback received\"}");
		ArgumentCaptor<AuthenticatedUser> user = ArgumentCaptor.captor();
		ArgumentCaptor<FeedbackRequest> request = ArgumentCaptor.captor();
		verify(this.service).store(user.capture(), request.capture());
		assertThat(user.getValue().userId()).isEqualTo("alice");
		assertThat(request.getValue().categories())
			.isEqualTo(List.of(FeedbackCategory.UNSAFE, FeedbackCategory.INCORRECT));
	}

	@Test
	void invalidFeedbackIsRejectedAndNotStored() {
		given(this.service.enabled()).willReturn(true);
		assertThat(post("{\"conversation_id\": \"abc\", \"user_question\": \"q\", \"llm_response\": \"r\"}"))
			.hasStatus4xxClientError();
		assertThat(post("{\"conversation_id\": \"12345678-abcd-0000-0123-456789abcdef\", \"user_question\": \"q\","
				+ " \"llm_response\": \"r\"}"))
			.hasStatus4xxClientError();
		verify(this.service, never()).store(any(), any());
	}

	@Test
	void anUnknownCategoryIsPydanticsEnumError() {
		given(this.service.enabled()).willReturn(true);
		String expected = "'incorrect', 'not_relevant', 'incomplete', 'outdated_information', 'unsafe' or 'other'";
		assertThat(post("""
				{"conversation_id": "12345678-abcd-0000-0123-456789abcdef", "user_question": "q",
				 "llm_response": "r", "categories": ["incorrect", "wrong", null]}"""))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.bodyJson()
			.isStrictlyEqualTo("""
					{"detail": [
					 {"type": "enum", "loc": ["body", "categories", 1], "msg": "Input should be %1$s", "input": "wrong",
					  "ctx": {"expected": "%1$s"}},
					 {"type": "enum", "loc": ["body", "categories", 2], "msg": "Input should be %1$s", "input": null,
					  "ctx": {"expected": "%1$s"}}]}""".formatted(expected));
		verify(this.service, never()).store(any(), any());
	}

	@Test
	void aStorageFailureIsA500() {
		given(this.service.enabled()).willReturn(true);
		willThrow(ApiException.of(HttpStatus.INTERNAL_SERVER_ERROR, "Error storing user feedback", "disk full"))
			.given(this.service)
			.store(any(), any());
		assertThat(post(VALID)).hasStatus(HttpStatus.INTERNAL_SERVER_ERROR)
			.bodyJson()
			.isStrictlyEqualTo("{\"detail\":{\"response\":\"Error storing user feedback\",\"cause\":\"disk full\"}}");
	}

	@Test
	void statusTellsWhetherFeedbackIsEnabled() {
		given(this.service.enabled()).willReturn(true);
		assertThat(this.mvc.get().uri("/v1/feedback/status").with(user("anyone"))).hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo("{\"functionality\":\"feedback\",\"status\":{\"enabled\":true}}");
	}

}
