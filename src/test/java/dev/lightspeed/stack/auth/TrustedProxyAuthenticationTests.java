package dev.lightspeed.stack.auth;

import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.lightspeed.stack.config.AuthenticationConfig;
import dev.lightspeed.stack.config.TrustedProxyConfig;
import dev.lightspeed.stack.errors.ApiException;
import dev.lightspeed.stack.errors.ErrorDetail;
import io.kubernetes.client.openapi.ApiClient;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code trusted-proxy}: the user header is believed only from an allowed service account
 * whose token the Kubernetes API vouches for.
 */
class TrustedProxyAuthenticationTests {

	static final String PROXY = "system:serviceaccount:gateway:oauth-proxy";

	private final WireMockServer api = new WireMockServer(options().dynamicPort());

	private AuthenticationModule module;

	@BeforeEach
	void start() {
		this.api.start();
		KubernetesStubs.tokenReview(this.api, "proxy-token", PROXY, "uid-proxy");
		KubernetesStubs.tokenReview(this.api, "other-pod-token", "system:serviceaccount:apps:web", "uid-web");
		KubernetesStubs.tokenRejected(this.api, "forged-token");
		AuthenticationConfig authentication = new AuthenticationConfig("trusted-proxy", null, this.api.baseUrl(), null,
				null, null, null, null);
		this.module = new TrustedProxyAuthenticationModule(
				new TrustedProxyConfig(null, List.of(new TrustedProxyConfig.ServiceAccount("gateway", "oauth-proxy"))),
				new TokenReviews(KubernetesClients.lazy(authentication, ApiClient::new)));
	}

	@AfterEach
	void stop() {
		this.api.stop();
	}

	@Test
	void allowedProxyShouldActForTheUserItNames() {
		assertThat(this.module.authenticate(request("Bearer proxy-token", " alice@example.com ")))
			.isEqualTo(new AuthenticatedUser("alice@example.com", "alice@example.com", true, ""));
	}

	@Test
	void serviceAccountNotAllowedShouldBe403NamingIt() {
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> this.module.authenticate(request("Bearer other-pod-token", "alice")))
			.satisfies((ex) -> {
				assertThat(ex.status().value()).isEqualTo(403);
				assertThat(ex.detail())
					.isEqualTo(new ErrorDetail("User does not have permission to access this endpoint",
							"User system:serviceaccount:apps:web is not authorized to access this endpoint."));
			});
	}

	@Test
	void tokenTheApiDoesNotVouchForShouldBe401() {
		assertUnauthorized(request("Bearer forged-token", "alice"), "Invalid or expired proxy service account token");
	}

	@Test
	void missingCredentialsOrUserShouldBe401() {
		assertUnauthorized(request(null, "alice"), "Missing Authorization header");
		assertUnauthorized(request("Basic x", "alice"), "No token found in Authorization header");
		assertUnauthorized(request("Bearer proxy-token", null), "Missing required header 'X-Forwarded-User'");
		assertUnauthorized(request("Bearer proxy-token", "  "), "Missing required header 'X-Forwarded-User'");
		assertUnauthorized(request("Bearer proxy-token", "a\u0001b"), "Invalid user in header 'X-Forwarded-User'");
	}

	private void assertUnauthorized(MockHttpServletRequest request, String cause) {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> this.module.authenticate(request))
			.satisfies((ex) -> {
				assertThat(ex.status().value()).isEqualTo(401);
				assertThat(ex.detail())
					.isEqualTo(new ErrorDetail("Missing or invalid credentials provided by client", cause));
			});
	}

	private static MockHttpServletRequest request(@Nullable String authorization, @Nullable String user) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v1/query");
		if (authorization != null) {
			request.addHeader(HttpHeaders.AUTHORIZATION, authorization);
		}
		if (user != null) {
			request.addHeader("X-Forwarded-User", user);
		}
		return request;
	}

}
