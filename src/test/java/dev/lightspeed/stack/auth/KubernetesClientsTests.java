package dev.lightspeed.stack.auth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.lightspeed.stack.config.AuthenticationConfig;
import dev.lightspeed.stack.errors.ApiException;
import dev.lightspeed.stack.errors.ErrorDetail;
import dev.lightspeed.stack.support.TestCertificate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How the {@code k8s} module finds its API server outside a cluster: the kubeconfig that
 * {@code KUBECONFIG} or {@code ~/.kube/config} names, with its server, its CA and its
 * token, against an HTTPS stub whose certificate the test generates.
 */
class KubernetesClientsTests {

	private static final String SERVICE_TOKEN = "sa-token-5e1d";

	private final TestCertificate apiCertificate = TestCertificate.localhost();

	@TempDir
	Path directory;

	private WireMockServer api;

	@BeforeEach
	void startApi() {
		Path keyStore = this.apiCertificate.writeKeyStore(this.directory.resolve("api.p12"), "changeit");
		this.api = new WireMockServer(options().httpDisabled(true)
			.dynamicHttpsPort()
			.keystorePath(keyStore.toString())
			.keystoreType("PKCS12")
			.keystorePassword("changeit")
			.keyManagerPassword("changeit"));
		this.api.start();
		KubernetesStubs.tokenReview(this.api, "user-token", "alice", "uid-alice");
		KubernetesStubs.accessReview(this.api, "alice", true);
	}

	@AfterEach
	void stopApi() {
		this.api.stop();
	}

	@Test
	void kubeconfigFromTheVariableShouldReachItsServerWithItsTokenTrustingItsCa() throws Exception {
		this.apiCertificate.writeCertificate(this.directory.resolve("ca.crt"));
		Path kubeconfig = kubeconfig("kubeconfig", "certificate-authority: ca.crt");
		AuthenticatedUser user = module(null, Map.of("KUBECONFIG", kubeconfig.toString())).authenticate(request());
		assertThat(user).isEqualTo(new AuthenticatedUser("uid-alice", "alice", false, "user-token"));
		// The service speaks with the kubeconfig's credentials; the caller's token is
		// only
		// the object under review.
		this.api.verify(postRequestedFor(urlEqualTo(KubernetesStubs.TOKEN_REVIEWS))
			.withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + SERVICE_TOKEN))
			.withRequestBody(matchingJsonPath("$.spec.token", equalTo("user-token"))));
		this.api.verify(postRequestedFor(urlEqualTo(KubernetesStubs.ACCESS_REVIEWS))
			.withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + SERVICE_TOKEN)));
	}

	@Test
	void homeKubeconfigShouldBeUsedWithoutTheVariable() throws Exception {
		Files.createDirectories(this.directory.resolve(".kube"));
		this.apiCertificate.writeCertificate(this.directory.resolve(".kube/ca.crt"));
		kubeconfig(".kube/config", "certificate-authority: ca.crt");
		AuthenticatedUser user = module(null, Map.of("HOME", this.directory.toString())).authenticate(request());
		assertThat(user.username()).isEqualTo("alice");
	}

	@Test
	void serverWhoseCertificateTheKubeconfigDoesNotTrustShouldBeUnableToReview() throws Exception {
		TestCertificate.localhost().writeCertificate(this.directory.resolve("other-ca.crt"));
		Path kubeconfig = kubeconfig("kubeconfig", "certificate-authority: other-ca.crt");
		AuthenticationModule module = module(null, Map.of("KUBECONFIG", kubeconfig.toString()));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> module.authenticate(request()))
			.satisfies((ex) -> assertThat(((ErrorDetail) ex.detail()).response())
				.isEqualTo("Forbidden: Unable to Review Token"));
		assertThat(this.api.getAllServeEvents()).isEmpty();
	}

	@Test
	void caCertPathShouldOverrideTheKubeconfigsCa() throws Exception {
		TestCertificate.localhost().writeCertificate(this.directory.resolve("other-ca.crt"));
		Path ca = this.apiCertificate.writeCertificate(this.directory.resolve("api-ca.crt"));
		Path kubeconfig = kubeconfig("kubeconfig", "certificate-authority: other-ca.crt");
		assertThat(module(ca.toString(), Map.of("KUBECONFIG", kubeconfig.toString())).authenticate(request()).userId())
			.isEqualTo("uid-alice");
	}

	@Test
	void firstFileOfAKubeconfigListShouldBeRead() {
		assertThat(KubernetesClients.kubeconfig(Map.of("KUBECONFIG", "/a/config:/b/config")::get))
			.isEqualTo(Path.of("/a/config"));
	}

	@Test
	void noKubeconfigAnywhereShouldLeaveTheLibraryDefaults() {
		assertThat(KubernetesClients.discover(Map.of("HOME", this.directory.toString())::get).getBasePath())
			.isEqualTo("http://localhost:8080");
	}

	private Path kubeconfig(String name, String certificateAuthority) throws Exception {
		return Files.writeString(this.directory.resolve(name), """
				apiVersion: v1
				kind: Config
				clusters:
				- name: stub
				  cluster:
				    server: https://localhost:%d
				    %s
				users:
				- name: lightspeed
				  user:
				    token: %s
				contexts:
				- name: stub
				  context:
				    cluster: stub
				    user: lightspeed
				current-context: stub
				""".formatted(this.api.httpsPort(), certificateAuthority, SERVICE_TOKEN));
	}

	private static AuthenticationModule module(@Nullable String caCertPath, Map<String, String> env) {
		return KubernetesAuthenticationModule.create(
				new AuthenticationConfig("k8s", null, null, caCertPath, null, null, null, null),
				() -> KubernetesClients.discover(env::get), env::get);
	}

	private static MockHttpServletRequest request() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/authorized");
		request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer user-token");
		return request;
	}

}
