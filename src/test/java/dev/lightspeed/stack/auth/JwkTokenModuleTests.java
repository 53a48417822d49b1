package dev.lightspeed.stack.auth;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import dev.lightspeed.stack.config.AuthenticationConfig.JwkConfig;
import dev.lightspeed.stack.config.AuthenticationConfig.JwtConfiguration;
import dev.lightspeed.stack.errors.ApiException;
import dev.lightspeed.stack.errors.ErrorDetail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code jwk-token} on a fresh module: first contact with the JWK set, configured claims,
 * and the exact second at which a token expires.
 */
class JwkTokenModuleTests {

	WireMockServer jwks = new WireMockServer(options().dynamicPort());

	@BeforeEach
	void startJwks() {
		this.jwks.start();
	}

	@AfterEach
	void stopJwks() {
		this.jwks.stop();
	}

	@Test
	void jwkEndpointDownAtFirstUseShouldBe503() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		AuthenticationModule module = module("http://localhost:" + closedPort + "/jwks", Clock.systemUTC());
		assertUnavailable(module, "The JWK set could not be fetched");
	}

	@Test
	void jwkEndpointAnsweringJsonThatIsNotAJwkSetShouldBe503() {
		this.jwks.stubFor(get("/jwks").willReturn(okJson("{\"error\":\"maintenance\"}")));
		assertUnavailable(module(this.jwks.baseUrl() + "/jwks", Clock.systemUTC()),
				"The JWK set endpoint did not return a valid JWK set");
	}

	@Test
	void jwkEndpointAnsweringAnHttpErrorShouldBe503() {
		this.jwks.stubFor(get("/jwks").willReturn(aResponse().withStatus(500).withBody("<html>oops</html>")));
		assertUnavailable(module(this.jwks.baseUrl() + "/jwks", Clock.systemUTC()), "The JWK set could not be fetched");
	}

	@Test
	void jwkWithoutAlgShouldVerifyTokensOfItsKeyType() throws Exception {
		RSAKey withoutAlg = new RSAKey.Builder(TestKeys.RSA.toRSAPublicKey()).keyID("rsa-1").build();
		this.jwks.stubFor(get("/jwks").willReturn(okJson(new JWKSet(withoutAlg).toString())));
		AuthenticationModule module = module(this.jwks.baseUrl() + "/jwks", Clock.systemUTC());
		assertThat(module.authenticate(request(TestKeys.rs256(TestKeys.claims()))).username()).isEqualTo("alice");
		String hmac = TestKeys.hmacWithPublicKey(TestKeys.claims());
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> module.authenticate(request(hmac)))
			.satisfies((ex) -> assertThat(ex.detail()).isEqualTo(JwtFailures.UNKNOWN_KEY));
	}

	@Test
	void configuredClaimsShouldNameTheUser() {
		this.jwks.stubFor(get("/jwks").willReturn(okJson(TestKeys.jwkSet())));
		AuthenticationModule module = JwkTokenAuthenticationModule.create(
				new JwkConfig(this.jwks.baseUrl() + "/jwks", new JwtConfiguration("sub", "preferred_username", null)),
				List.of(), Clock.systemUTC());
		Map<String, Object> claims = new HashMap<>(Map.of("sub", "f2b5", "preferred_username", "carol"));
		String token = TestKeys.es256(claims);
		assertThat(module.authenticate(request(token))).isEqualTo(new AuthenticatedUser("f2b5", "carol", false, token));
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> module.authenticate(request(TestKeys.es256(TestKeys.claims()))))
			.satisfies((ex) -> assertThat(ex.detail()).isEqualTo("Token missing claim: sub"));
	}

	@Test
	void tokenShouldExpireWithZeroLeeway() {
		this.jwks.stubFor(get("/jwks").willReturn(okJson(TestKeys.jwkSet())));
		Instant exp = Instant.ofEpochSecond(2_000_000_000L);
		Map<String, Object> claims = new HashMap<>(TestKeys.claims());
		claims.put("iat", exp.getEpochSecond() - 600);
		claims.put("exp", exp.getEpochSecond());
		String token = TestKeys.rs256(claims);
		String url = this.jwks.baseUrl() + "/jwks";
		assertThat(module(url, at(exp.plusMillis(999))).authenticate(request(token)).userId()).isEqualTo("u-42");
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> module(url, at(exp.plusSeconds(1))).authenticate(request(token)))
			.satisfies((ex) -> assertThat(ex.detail()).isEqualTo("Token has expired"));
	}

	@Test
	void tokenShouldNotBeValidBeforeNbfWithZeroLeeway() {
		this.jwks.stubFor(get("/jwks").willReturn(okJson(TestKeys.jwkSet())));
		Instant nbf = Instant.ofEpochSecond(2_000_000_000L);
		Map<String, Object> claims = new HashMap<>(TestKeys.claims());
		claims.remove("exp");
		claims.put("iat", nbf.getEpochSecond() - 600);
		claims.put("nbf", nbf.getEpochSecond());
		String token = TestKeys.rs256(claims);
		String url = this.jwks.baseUrl() + "/jwks";
		assertThat(module(url, at(nbf)).authenticate(request(token)).userId()).isEqualTo("u-42");
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> module(url, at(nbf.minusMillis(1))).authenticate(request(token)))
			.satisfies((ex) -> assertThat(ex.detail()).isEqualTo("Error validating token"));
	}

	@Test
	void aTokenIssuedAfterItExpiresShouldBeAClaimError() {
		this.jwks.stubFor(get("/jwks").willReturn(okJson(TestKeys.jwkSet())));
		Instant now = Instant.now();
		Map<String, Object> claims = new HashMap<>(TestKeys.claims());
		claims.put("exp", now.plusSeconds(60).getEpochSecond());
		claims.put("iat", now.plusSeconds(120).getEpochSecond());
		assertRefused(module(this.jwks.baseUrl() + "/jwks", Clock.systemUTC()), TestKeys.rs256(claims), 401,
				"Error validating token");
	}

	@Test
	void aUserIdClaimThatIsNotAStringShouldBeRefused() {
		this.jwks.stubFor(get("/jwks").willReturn(okJson(TestKeys.jwkSet())));
		Map<String, Object> claims = new HashMap<>(TestKeys.claims());
		claims.put("user_id", Map.of("a", 1));
		assertRefused(module(this.jwks.baseUrl() + "/jwks", Clock.systemUTC()), TestKeys.rs256(claims), 401,
				"Token claim user_id is not a string");
	}

	@Test
	void aRequiredAudienceShouldBeNamedByTheToken() {
		this.jwks.stubFor(get("/jwks").willReturn(okJson(TestKeys.jwkSet())));
		AuthenticationModule module = JwkTokenAuthenticationModule
			.create(new JwkConfig(this.jwks.baseUrl() + "/jwks", null), List.of("lightspeed"), Clock.systemUTC());
		Map<String, Object> claims = new HashMap<>(TestKeys.claims());
		claims.put("aud", List.of("other", "lightspeed"));
		assertThat(module.authenticate(request(TestKeys.rs256(claims))).userId()).isEqualTo("u-42");
		claims.put("aud", "other");
		assertRefused(module, TestKeys.rs256(claims), 401, "Error validating token");
		assertRefused(module, TestKeys.rs256(TestKeys.claims()), 401, "Error validating token");
	}

	private static void assertRefused(AuthenticationModule module, String token, int status, String detail) {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> module.authenticate(request(token)))
			.satisfies((ex) -> {
				assertThat(ex.status().value()).isEqualTo(status);
				assertThat(ex.detail()).isEqualTo(detail);
			});
	}

	private static void assertUnavailable(AuthenticationModule module, String cause) {
		String token = TestKeys.rs256(TestKeys.claims());
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> module.authenticate(request(token)))
			.satisfies((ex) -> {
				assertThat(ex.status().value()).isEqualTo(503);
				assertThat(ex.detail()).isEqualTo(new ErrorDetail("Unable to verify token", cause));
			});
	}

	private static AuthenticationModule module(String url, Clock clock) {
		return JwkTokenAuthenticationModule.create(new JwkConfig(url, null), List.of(), clock);
	}

	private static Clock at(Instant instant) {
		return Clock.fixed(instant, ZoneOffset.UTC);
	}

	private static MockHttpServletRequest request(String token) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/authorized");
		request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		return request;
	}

}
