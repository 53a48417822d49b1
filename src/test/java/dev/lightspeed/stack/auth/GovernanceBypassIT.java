package dev.lightspeed.stack.auth;

import java.nio.file.Path;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.lightspeed.stack.support.BypassTable;
import dev.lightspeed.stack.support.WireMockLlamaStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way around the governance we could think of, tried against the whole application
 * (WireMock standing in for Llama Stack, the JWK set and the Kubernetes API): each must
 * be refused with the status LCS uses. The table and its figures are printed at the end.
 */
class GovernanceBypassIT {

	static final String ADMIN = "admin-credential-0123456789";

	static final WireMockServer llamaStack = WireMockLlamaStack.start();

	static final WireMockServer jwks = new WireMockServer(options().dynamicPort());

	static final WireMockServer kubernetes = new WireMockServer(options().dynamicPort());

	static {
		jwks.start();
		jwks.stubFor(get("/jwks").willReturn(okJson(TestKeys.jwkSet())));
		kubernetes.start();
		KubernetesStubs.tokenReview(kubernetes, "alice-token", "alice", "uid-alice");
		KubernetesStubs.tokenReview(kubernetes, "bob-token", "bob", "uid-bob");
		KubernetesStubs.accessReview(kubernetes, "alice", true);
		KubernetesStubs.accessReview(kubernetes, "bob", true);
		KubernetesStubs.tokenReview(kubernetes, "proxy-token", TrustedProxyAuthenticationTests.PROXY, "uid-proxy");
		KubernetesStubs.tokenReview(kubernetes, "pod-token", "system:serviceaccount:apps:web", "uid-web");
		KubernetesStubs.tokenRejected(kubernetes, "forged-token");
	}

	static final BypassTable table = new BypassTable();

	@TempDir
	static Path directory;

	@AfterAll
	static void report() {
		llamaStack.stop();
		jwks.stop();
		kubernetes.stop();
		table.print(System.out);
		assertThat(table.accepted()).as("bypass attempts accepted").isEmpty();
		assertThat(table.unexpected()).as("bypass attempts refused with another status than LCS's").isEmpty();
	}

	@Test
	void apiKeysThatAreRevokedExpiredRotatedAwayOrForgedShouldBeRefused() throws Exception {
		ApiKeyBypasses.run();
	}

	@Test
	void rolesWithoutTheActionAndForgedRoleClaimsShouldBeRefused() {
		RoleBypasses.run();
	}

	@Test
	void anotherUsersConversationShouldBeRefusedUnderEveryModule() throws Exception {
		ModuleBypasses.run();
	}

	@Test
	void quotasAndRatesShouldHoldAtTheLimitMidStreamAndUnderRacing() throws Exception {
		QuotaBypasses.run();
	}

}
