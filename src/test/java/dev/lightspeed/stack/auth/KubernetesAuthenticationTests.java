package dev.lightspeed.stack.auth;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.lightspeed.stack.config.AuthenticationConfig;
import dev.lightspeed.stack.config.ConfigurationSections;
import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.errors.ErrorResponses;
import dev.lightspeed.stack.support.TestConfigurations;
import io.kubernetes.client.openapi.ApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

@WebMvcTest(AuthorizedController.class)
@Import({ SecurityConfiguration.class, ConfigurationSections.class, ErrorResponses.class })
class KubernetesAuthenticationTests {

	static final WireMockServer api = new WireMockServer(options().dynamicPort());

	static {
		api.start();
	}

	static final String USER = "system:serviceaccount:lightspeed:console";

	static final String UID = "5b7f3d0c-9a1e-4f39-8f53-2d4c8f0e6a11";

	@Autowired
	MockMvcTester mvc;

	@AfterAll
	static void stopApi() {
		api.stop();
	}

	@BeforeEach
	void resetApi() {
		api.resetAll();
	}

	@Test
	void reviewedAndAllowedUserShouldBeAuthenticated() {
		KubernetesStubs.tokenReview(api, "sa-token", USER, UID);
		KubernetesStubs.accessReview(api, USER, true);
		assertThat(authorized("Bearer sa-token")).hasStatusOk()
			.hasBodyTextEqualTo("{\"user_id\":\"" + UID + "\",\"username\":\"" + USER + "\"}");
		api.verify(postRequestedFor(urlEqualTo(KubernetesStubs.TOKEN_REVIEWS)).withRequestBody(equalToJson(
				"""
						{"apiVersion":"authentication.k8s.io/v1","kind":"TokenReview","spec":{"token":"sa-token","audiences":[]}}
						""")));
		api.verify(postRequestedFor(urlEqualTo(KubernetesStubs.ACCESS_REVIEWS)).withRequestBody(equalToJson("""
				{"apiVersion":"authorization.k8s.io/v1","kind":"SubjectAccessReview",
				 "spec":{"user":"%s","uid":"%s","groups":["system:authenticated:oauth","system:authenticated"],
				  "extra":{"scopes.authorization.openshift.io":["user:full"]},
				  "nonResourceAttributes":{"path":"/ls-access","verb":"get"}}}
				""".formatted(USER, UID))));
	}

	@Test
	void tokenReviewNotAuthenticatedShouldBeForbidden() {
		KubernetesStubs.tokenRejected(api, "expired-token");
		assertThat(authorized("Bearer expired-token")).hasStatus(403)
			.hasBodyTextEqualTo("{\"detail\":\"Forbidden: Invalid or expired token\"}");
	}

	@Test
	void tokenReviewApiErrorShouldBeForbidden() {
		api.stubFor(post(KubernetesStubs.TOKEN_REVIEWS).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"Unauthorized\","
					+ "\"reason\":\"Unauthorized\",\"code\":401}")));
		assertThat(authorized("Bearer some-token")).hasStatus(403)
			.hasBodyTextEqualTo("{\"detail\":\"Forbidden: Invalid or expired token\"}");
	}

	@Test
	void subjectAccessReviewNotAllowedShouldBeForbidden() {
		KubernetesStubs.tokenReview(api, "sa-token", USER, UID);
		KubernetesStubs.accessReview(api, USER, false);
		assertThat(authorized("Bearer sa-token")).hasStatus(403)
			.hasBodyTextEqualTo("{\"detail\":\"Forbidden: User does not have access\"}");
	}

	@Test
	void subjectAccessReviewApiErrorShouldBeForbiddenWithLegacyText() {
		KubernetesStubs.tokenReview(api, "sa-token", USER, UID);
		api.stubFor(post(KubernetesStubs.ACCESS_REVIEWS).willReturn(aResponse().withStatus(403)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":403}")));
		assertThat(authorized("Bearer sa-token")).hasStatus(403)
			.hasBodyTextEqualTo("{\"detail\":\"Internal server error\"}");
	}

	@Test
	void kubernetesApiDownShouldBe500UnableToReviewTokenWithoutTheToken() {
		api.stubFor(
				post(KubernetesStubs.TOKEN_REVIEWS).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		var result = assertThat(authorized("Bearer secret-token-value")).hasStatus(500);
		result.bodyJson().extractingPath("$.detail.response").isEqualTo("Forbidden: Unable to Review Token");
		result.bodyJson().extractingPath("$.detail.cause").asString().isNotBlank();
		result.bodyText().doesNotContain("secret-token-value");
	}

	@Test
	void garbageFromTheApiShouldBe500WithoutTheToken() {
		api.stubFor(post(KubernetesStubs.TOKEN_REVIEWS).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"spec\":{\"token\":\"secret-token-value\"},\"status\":{\"authenticated\":\"maybe\"")));
		var result = assertThat(authorized("Bearer secret-token-value")).hasStatus(500);
		result.bodyJson().extractingPath("$.detail.response").isEqualTo("Forbidden: Unable to Review Token");
		result.bodyText().doesNotContain("secret-token-value");
	}

	@Test
	void kubeAdminOutsideAClusterShouldGetTheLocalClusterId() {
		KubernetesStubs.tokenReview(api, "admin-token", "kube:admin", "ignored-uid");
		KubernetesStubs.accessReview(api, "kube:admin", true);
		assertThat(authorized("Bearer admin-token")).hasStatusOk()
			.hasBodyTextEqualTo("{\"user_id\":\"local\",\"username\":\"kube:admin\"}");
	}

	@Test
	void missingHeaderShouldBe400() {
		assertThat(this.mvc.post().uri("/authorized")).hasStatus(400)
			.hasBodyTextEqualTo("{\"detail\":\"No Authorization header found\"}");
	}

	@Test
	void basicSchemeShouldBe400() {
		assertThat(authorized("Basic dXNlcjpwYXNz")).hasStatus(400)
			.hasBodyTextEqualTo("{\"detail\":\"No token found in Authorization header\"}");
		api.verify(0, postRequestedFor(urlEqualTo(KubernetesStubs.TOKEN_REVIEWS)));
	}

	@Test
	void tokenReviewShouldBeSentForTheBearerTokenOnly() {
		KubernetesStubs.tokenReview(api, "sa-token", USER, UID);
		KubernetesStubs.accessReview(api, USER, true);
		assertThat(authorized("bearer   sa-token  ")).hasStatusOk();
		api.verify(postRequestedFor(urlEqualTo(KubernetesStubs.TOKEN_REVIEWS))
			.withRequestBody(matchingJsonPath("$.spec.token", equalTo("sa-token"))));
	}

	private org.springframework.test.web.servlet.assertj.MvcTestResult authorized(String authorization) {
		return this.mvc.post().uri("/authorized").header(HttpHeaders.AUTHORIZATION, authorization).exchange();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Configuration {

		@Bean
		LightspeedConfiguration lightspeedConfiguration() {
			return TestConfigurations.minimalWith("""
					authentication:
					  module: k8s
					  k8s_cluster_api: %s
					""".formatted(api.baseUrl()));
		}

		// The module of the configuration, but blind to this machine's kubeconfig and
		// environment, so that the test does not depend on where it runs.
		@Bean
		@Primary
		AuthenticationModule isolatedKubernetesModule(AuthenticationConfig authentication) {
			return KubernetesAuthenticationModule.create(authentication, ApiClient::new, Map.<String, String>of()::get);
		}

	}

}
