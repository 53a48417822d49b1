package dev.lightspeed.stack.auth;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.lightspeed.stack.config.AuthenticationConfig;
import dev.lightspeed.stack.health.ComponentCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The authentication back end in {@code /v1/health}: the Kubernetes API of {@code k8s}
 * and {@code trusted-proxy}; none for modules without a back end.
 */
class AuthenticationHealthTests {

	private final WireMockServer api = new WireMockServer(options().dynamicPort());

	@BeforeEach
	void start() {
		this.api.start();
	}

	@AfterEach
	void stop() {
		this.api.stop();
	}

	@Test
	void kubernetesApiShouldReportItsVersion() throws Exception {
		this.api.stubFor(get(urlPathMatching("/version/?"))
			.willReturn(okJson("{\"major\":\"1\",\"minor\":\"30\",\"gitVersion\":\"v1.30.2\","
					+ "\"gitCommit\":\"x\",\"gitTreeState\":\"clean\",\"buildDate\":\"2024-06-11T20:20:00Z\","
					+ "\"goVersion\":\"go1.22.4\",\"compiler\":\"gc\",\"platform\":\"linux/amd64\"}")));
		ComponentCheck check = check("k8s");
		assertThat(check.component()).isEqualTo("authentication:kubernetes_api");
		assertThat(check.check()).isEqualTo("Kubernetes v1.30.2");
		this.api.stubFor(get(urlPathMatching("/version/?")).willReturn(serverError()));
		assertThatException().isThrownBy(check::check).withMessage("Kubernetes API answered HTTP 500");
	}

	@Test
	void modulesWithoutABackEndShouldReportNone() {
		for (String module : new String[] { "noop", "noop-with-token", "api-key-token", "rh-identity" }) {
			assertThat(AuthenticationHealth.of(config(module)).checks()).isEmpty();
		}
		assertThat(AuthenticationHealth.of(config("trusted-proxy")).checks()).singleElement()
			.extracting(ComponentCheck::component)
			.isEqualTo("authentication:kubernetes_api");
	}

	private ComponentCheck check(String module) {
		return AuthenticationHealth.of(config(module)).checks().get(0);
	}

	private AuthenticationConfig config(String module) {
		return new AuthenticationConfig(module, null, this.api.baseUrl(), null, null, null, null, null);
	}

}
