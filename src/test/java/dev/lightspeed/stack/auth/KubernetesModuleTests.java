package dev.lightspeed.stack.auth;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.lightspeed.stack.config.AuthenticationConfig;
import dev.lightspeed.stack.errors.ApiException;
import dev.lightspeed.stack.errors.ErrorDetail;
import io.kubernetes.client.openapi.ApiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The parts of the {@code k8s} module that depend on where the service runs.
 */
class KubernetesModuleTests {

	static final Map<String, String> IN_CLUSTER = Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1",
			"KUBERNETES_SERVICE_PORT", "443");

	WireMockServer api = new WireMockServer(options().dynamicPort());

	@BeforeEach
	void startApi() {
		this.api.start();
	}

	@AfterEach
	void stopApi() {
		this.api.stop();
	}

	@Test
	void kubeAdminInAClusterShouldGetTheClusterIdReadOnce() {
		KubernetesStubs.tokenReview(this.api, "admin-token", "kube:admin", "ignored");
		KubernetesStubs.accessReview(this.api, "kube:admin", true);
		KubernetesStubs.clusterVersion(this.api, "8f3e2a7c-1b2d-4c5e-9f01-23456789abcd");
		AuthenticationModule module = module(this.api.baseUrl(), IN_CLUSTER);
		for (int i = 0; i < 2; i++) {
			AuthenticatedUser user = module.authenticate(request("Bearer admin-token"));
			assertThat(user).isEqualTo(
					new AuthenticatedUser("8f3e2a7c-1b2d-4c5e-9f01-23456789abcd", "kube:admin", false, "admin-token"));
		}
		this.api.verify(1, getRequestedFor(urlEqualTo(KubernetesStubs.CLUSTER_VERSION)));
	}

	@Test
	void clusterIdThatCannotBeReadShouldBe500AndBeRetried() {
		KubernetesStubs.tokenReview(this.api, "admin-token", "kube:admin", "ignored");
		KubernetesStubs.accessReview(this.api, "kube:admin", true);
		this.api.stubFor(get(KubernetesStubs.CLUSTER_VERSION).willReturn(aResponse().withStatus(404)));
		AuthenticationModule module = module(this.api.baseUrl(), IN_CLUSTER);
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> module.authenticate(request("Bearer admin-token")))
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
				assertThat(ex.detail())
					.isEqualTo(new ErrorDetail("Unable to retrieve cluster ID", "Kubernetes API answered HTTP 404"));
			});
		KubernetesStubs.clusterVersion(this.api, "later-id");
		assertThat(module.authenticate(request("Bearer admin-token")).userId()).isEqualTo("later-id");
	}

	@Test
	void ordinaryUserInAClusterShouldKeepTheirUid() {
		KubernetesStubs.tokenReview(this.api, "t", "alice", "uid-alice");
		KubernetesStubs.accessReview(this.api, "alice", true);
		AuthenticatedUser user = module(this.api.baseUrl(), IN_CLUSTER).authenticate(request("Bearer t"));
		assertThat(user.userId()).isEqualTo("uid-alice");
		assertThat(user.skipUserIdCheck()).isFalse();
		this.api.verify(0, getRequestedFor(urlEqualTo(KubernetesStubs.CLUSTER_VERSION)));
	}

	@Test
	void apiServerNotListeningShouldBe500UnableToReviewToken() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		AuthenticationModule module = module("http://localhost:" + closedPort, Map.of());
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> module.authenticate(request("Bearer t0k3n")))
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
				ErrorDetail detail = (ErrorDetail) ex.detail();
				assertThat(detail.response()).isEqualTo("Forbidden: Unable to Review Token");
				assertThat(detail.cause()).contains(String.valueOf(closedPort)).doesNotContain("t0k3n");
			});
	}

	@Test
	void configurationShouldOverrideHostAndTlsOfTheDiscoveredClient() {
		ApiClient client = KubernetesClients.create(
				new AuthenticationConfig("k8s", true, "https://api.example.com:6443/", null, null, null, null, null),
				ApiClient::new);
		assertThat(client.getBasePath()).isEqualTo("https://api.example.com:6443");
		assertThat(client.isVerifyingSsl()).isFalse();
	}

	@Test
	void tlsVerificationShouldBeOnByDefault() {
		ApiClient discovered = new ApiClient().setBasePath("https://discovered:6443").setVerifyingSsl(false);
		ApiClient client = KubernetesClients
			.create(new AuthenticationConfig("k8s", null, null, null, null, null, null, null), () -> discovered);
		assertThat(client.getBasePath()).isEqualTo("https://discovered:6443");
		assertThat(client.isVerifyingSsl()).isTrue();
	}

	private static AuthenticationModule module(String apiUrl, Map<String, String> env) {
		return KubernetesAuthenticationModule.create(
				new AuthenticationConfig("k8s", null, apiUrl, null, null, null, null, null), ApiClient::new, env::get);
	}

	private static MockHttpServletRequest request(String authorization) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/authorized");
		request.addHeader(HttpHeaders.AUTHORIZATION, authorization);
		return request;
	}

}
