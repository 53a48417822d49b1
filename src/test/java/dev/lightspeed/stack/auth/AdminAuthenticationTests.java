package dev.lightspeed.stack.auth;

import dev.lightspeed.stack.config.ApiKeyTokenConfig;
import dev.lightspeed.stack.errors.ApiException;
import dev.lightspeed.stack.errors.ErrorDetail;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The admin credential: only {@code admin_api_key} opens the admin API.
 */
class AdminAuthenticationTests {

	@Test
	void theAdminCredentialShouldOpenTheAdminApi() {
		AuthenticationModule module = new AdminAuthenticationModule(
				new ApiKeyTokenConfig("static", "admin-credential-0123456789"));
		assertThat(module.authenticate(request("Bearer admin-credential-0123456789")).userId()).isEqualTo("admin");
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> module.authenticate(request("Bearer static")))
			.satisfies((ex) -> assertThat(ex.detail()).isEqualTo(
					new ErrorDetail("Missing or invalid credentials provided by client", "Invalid admin API key")));
	}

	@Test
	void withoutAnAdminCredentialTheAdminApiShouldBeOff() {
		for (ApiKeyTokenConfig config : new ApiKeyTokenConfig[] { null, new ApiKeyTokenConfig("static", null) }) {
			AuthenticationModule module = new AdminAuthenticationModule(config);
			assertThatExceptionOfType(ApiException.class)
				.isThrownBy(() -> module.authenticate(request("Bearer static")))
				.satisfies((ex) -> {
					assertThat(ex.status().value()).isEqualTo(403);
					assertThat(((ErrorDetail) ex.detail()).response()).isEqualTo("The admin API is disabled");
				});
		}
	}

	private static MockHttpServletRequest request(String authorization) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v1/admin/api-keys");
		request.addHeader(HttpHeaders.AUTHORIZATION, authorization);
		return request;
	}

}
