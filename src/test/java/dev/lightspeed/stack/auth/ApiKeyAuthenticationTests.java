package dev.lightspeed.stack.auth;

import dev.lightspeed.stack.config.ApiKeyTokenConfig;
import dev.lightspeed.stack.errors.ApiException;
import dev.lightspeed.stack.errors.ErrorDetail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code api-key-token} with LCS 0.3.1's one static key.
 */
class ApiKeyAuthenticationTests {

	private final AuthenticationModule module = new ApiKeyAuthenticationModule(
			new ApiKeyTokenConfig("static-key-123", null), null);

	@Test
	void theConfiguredKeyShouldAuthenticateTheDefaultUserWithoutPassingTheKeyOn() {
		assertThat(this.module.authenticate(request("Bearer static-key-123")))
			.isEqualTo(new AuthenticatedUser("00000000-0000-0000-0000-000", "lightspeed-user", true, ""));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Bearer static-key-12", "Bearer static-key-1234", "Bearer STATIC-KEY-123", "Bearer x" })
	void anyOtherKeyShouldBe401(String header) {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> this.module.authenticate(request(header)))
			.satisfies((ex) -> {
				assertThat(ex.status().value()).isEqualTo(401);
				assertThat(ex.detail()).isEqualTo("Invalid API Key");
			});
	}

	@Test
	void missingOrMalformedHeaderShouldBe401InLcsShape() {
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> this.module.authenticate(new MockHttpServletRequest()))
			.satisfies((ex) -> {
				assertThat(ex.status().value()).isEqualTo(401);
				assertThat(ex.detail()).isEqualTo(new ErrorDetail("Missing or invalid credentials provided by client",
						"No Authorization header found"));
			});
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> this.module.authenticate(request("Basic static-key-123")))
			.satisfies((ex) -> assertThat(ex.detail()).isEqualTo(new ErrorDetail(
					"Missing or invalid credentials provided by client", "No token found in Authorization header")));
	}

	@Test
	void withoutAStaticKeyNoKeyShouldAuthenticate() {
		AuthenticationModule noStaticKey = new ApiKeyAuthenticationModule(new ApiKeyTokenConfig(null, null), null);
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> noStaticKey.authenticate(request("Bearer static-key-123")))
			.satisfies((ex) -> assertThat(ex.status().value()).isEqualTo(401));
	}

	private static MockHttpServletRequest request(String authorization) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v1/query");
		request.addHeader(HttpHeaders.AUTHORIZATION, authorization);
		return request;
	}

}
