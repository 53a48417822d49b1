package dev.lightspeed.stack.auth;

import dev.lightspeed.stack.errors.ApiException;
import dev.lightspeed.stack.errors.ErrorDetail;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code ?user_id=} read from the query string alone, as LCS reads it.
 */
class NoopUserIdTests {

	@Test
	void theUserIdIsDecodedFromTheQueryString() {
		assertThat(userId("a=1&user_id=user%3Adefault%2Fguest&b")).isEqualTo("user:default/guest");
		assertThat(userId("user_id=a+b")).isEqualTo("a b");
		assertThat(userId("user_idx=a")).isEqualTo(NoopAuthenticationModule.DEFAULT_USER_ID);
		assertThat(userId(null)).isEqualTo(NoopAuthenticationModule.DEFAULT_USER_ID);
	}

	@Test
	void aFormBodyIsNotReadForTheUserId() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v1/feedback");
		request.setContentType("application/x-www-form-urlencoded");
		request.setContent("user_id=mallory".getBytes());
		request.addParameter("user_id", "mallory");
		assertThat(NoopAuthenticationModule.userId(request)).isEqualTo(NoopAuthenticationModule.DEFAULT_USER_ID);
	}

	@Test
	void aMalformedEscapeIsABadRequest() {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> userId("user_id=%zz")).satisfies((ex) -> {
			assertThat(ex.status().value()).isEqualTo(400);
			assertThat(ex.detail())
				.isEqualTo(new ErrorDetail("Invalid user ID", "The query string is not valid percent-encoding"));
		});
	}

	private static String userId(String query) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v1/query");
		request.setQueryString(query);
		return NoopAuthenticationModule.userId(request);
	}

}
