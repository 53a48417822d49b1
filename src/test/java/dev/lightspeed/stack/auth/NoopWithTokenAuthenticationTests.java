package dev.lightspeed.stack.auth;

import dev.lightspeed.stack.errors.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code noop-with-token} and the bearer-token extraction it shares with {@code k8s} and
 * {@code jwk-token} (LCS 0.2.0 §3.1, §3.3).
 */
class NoopWithTokenAuthenticationTests {

	private final AuthenticationModule module = new NoopWithTokenAuthenticationModule();

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "Bearer abc|abc", "bearer abc|abc", "BEARER abc|abc", "  Bearer   abc  |abc", "Bearer\tabc|abc" })
	void bearerTokenShouldBePassedOn(String header, String token) {
		MockHttpServletRequest request = request(header);
		assertThat(this.module.authenticate(request))
			.isEqualTo(new AuthenticatedUser("00000000-0000-0000-0000-000", "lightspeed-user", true, token));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Basic abc", "Bearer", "Bearer ", "Bearer a b", "Token abc", "abc", "   " })
	void headerWithoutABearerTokenShouldBe400(String header) {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> this.module.authenticate(request(header)))
			.satisfies((ex) -> {
				assertThat(ex.status().value()).isEqualTo(400);
				assertThat(ex.detail()).isEqualTo("No token found in Authorization header");
			});
	}

	@Test
	void missingOrEmptyHeaderShouldBe400() {
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> this.module.authenticate(new MockHttpServletRequest()))
			.satisfies((ex) -> assertThat(ex.detail()).isEqualTo("No Authorization header found"));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> this.module.authenticate(request("")))
			.satisfies((ex) -> {
				assertThat(ex.status().value()).isEqualTo(400);
				assertThat(ex.detail()).isEqualTo("No Authorization header found");
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "alice", "" })
	void userIdParameterShouldOverrideTheDefault(String userId) {
		MockHttpServletRequest request = request("Bearer t");
		request.setQueryString("user_id=" + userId);
		assertThat(this.module.authenticate(request).userId()).isEqualTo(userId);
	}

	@Test
	void toStringShouldHideTheToken() {
		assertThat(this.module.authenticate(request("Bearer super-secret")).toString()).doesNotContain("super-secret");
	}

	private static MockHttpServletRequest request(String authorization) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/authorized");
		request.addHeader(HttpHeaders.AUTHORIZATION, authorization);
		return request;
	}

}
