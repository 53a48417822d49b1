package dev.lightspeed.stack.conversations;

import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static dev.lightspeed.stack.support.TestUsers.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The checks every v1 and v2 endpoint on one conversation makes on its path id, in this
 * order: a UUID (400), known (404, the 0.3.x body), the caller's (403); a refused request
 * reads, changes and deletes nothing.
 */
class ConversationIdChecksTests extends ConversationsSlice {

	static Stream<String> endpoints() {
		return Stream.of("GET /v1/conversations/", "DELETE /v1/conversations/", "GET /v2/conversations/",
				"PUT /v2/conversations/", "DELETE /v2/conversations/");
	}

	@ParameterizedTest
	@MethodSource("endpoints")
	void aMalformedIdIsA400BeforeAnyLookup(String endpoint) {
		assertThat(call(endpoint, "not-a-uuid")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.isStrictlyEqualTo("{\"detail\":{\"response\":\"Invalid conversation ID format\",\"cause\":"
					+ "\"Conversation ID not-a-uuid is not a valid UUID\"}}");
		verifyNoInteractions(this.store, this.backend);
	}

	@ParameterizedTest
	@MethodSource("endpoints")
	void anUnknownConversationIsA404AndChangesNothing(String endpoint) {
		given(this.store.find(ID)).willReturn(Optional.empty());
		assertThat(call(endpoint, ID)).hasStatus(HttpStatus.NOT_FOUND).bodyJson().isStrictlyEqualTo(NOT_FOUND);
		verifyNothingChanged();
	}

	@ParameterizedTest
	@MethodSource("endpoints")
	void someoneElsesConversationIsA403AndChangesNothing(String endpoint) {
		given(this.store.find(ID)).willReturn(Optional.of(record(ID, "bob")));
		assertThat(call(endpoint, ID)).hasStatus(HttpStatus.FORBIDDEN).bodyJson().isStrictlyEqualTo(FORBIDDEN);
		verifyNothingChanged();
	}

	private MvcTestResult call(String endpoint, String id) {
		String[] methodAndPath = endpoint.split(" ");
		HttpMethod method = HttpMethod.valueOf(methodAndPath[0]);
		var request = this.mvc.method(method).uri(methodAndPath[1] + id).with(user("alice"));
		if (method == HttpMethod.PUT) {
			request.contentType(MediaType.APPLICATION_JSON).content("{\"topic_summary\": \"mine now\"}");
		}
		return request.exchange();
	}

	private void verifyNothingChanged() {
		verify(this.store, never()).delete(anyString());
		verify(this.store, never()).setTopicSummary(anyString(), anyString());
		verifyNoInteractions(this.backend);
	}

}
