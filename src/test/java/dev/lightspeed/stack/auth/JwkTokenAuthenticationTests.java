package dev.lightspeed.stack.auth;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.nimbusds.jose.JWSAlgorithm;
import dev.lightspeed.stack.config.ConfigurationSections;
import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.errors.ErrorResponses;
import dev.lightspeed.stack.support.TestConfigurations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.lessThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

@WebMvcTest(AuthorizedController.class)
@Import({ SecurityConfiguration.class, ConfigurationSections.class, ErrorResponses.class })
class JwkTokenAuthenticationTests {

	static final WireMockServer jwks = new WireMockServer(options().dynamicPort());

	static {
		jwks.start();
	}

	@Autowired
	MockMvcTester mvc;

	@AfterAll
	static void stopJwks() {
		jwks.stop();
	}

	@BeforeEach
	void serveJwks() {
		jwks.resetAll();
		jwks.stubFor(get("/jwks").willReturn(okJson(TestKeys.jwkSet())));
	}

	@Test
	void rs256TokenShouldAuthenticateWithConfiguredClaims() {
		assertThat(
				this.mvc.post().uri("/authorized").header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.rs256(claims()))))
			.hasStatusOk()
			.hasBodyTextEqualTo("{\"user_id\":\"u-42\",\"username\":\"alice\"}");
	}

	@Test
	void es256TokenShouldAuthenticate() {
		assertThat(
				this.mvc.post().uri("/authorized").header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.es256(claims()))))
			.hasStatusOk()
			.hasBodyTextEqualTo("{\"user_id\":\"u-42\",\"username\":\"alice\"}");
	}

	@Test
	void tokenWithoutExpShouldBeAccepted() {
		Map<String, Object> claims = claims();
		claims.remove("exp");
		assertThat(this.mvc.post().uri("/authorized").header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.rs256(claims))))
			.hasStatusOk();
	}

	@Test
	void unknownKidShouldRefetchTheJwkSetAndFindARotatedKey() {
		assertThat(
				this.mvc.post().uri("/authorized").header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.rs256(claims()))))
			.hasStatusOk();
		String rotated = TestKeys.sign(JWSAlgorithm.RS256, "rsa-2", claims(), TestKeys.signer(TestKeys.ROTATED));
		jwks.stubFor(get("/jwks").willReturn(okJson(TestKeys.rotatedJwkSet())));
		assertThat(this.mvc.post().uri("/authorized").header(HttpHeaders.AUTHORIZATION, bearer(rotated))).hasStatusOk();
	}

	@Test
	void jwkSetShouldBeCachedBetweenRequests() {
		for (int i = 0; i < 3; i++) {
			assertThat(this.mvc.post()
				.uri("/authorized")
				.header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.rs256(claims())))).hasStatusOk();
		}
		jwks.verify(lessThanOrExactly(1), getRequestedFor(urlEqualTo("/jwks")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("attacks")
	void attackShouldBeRejected(String attack, Supplier<String> authorization, int status, String body) {
		var request = this.mvc.post().uri("/authorized");
		String header = authorization.get();
		if (header != null) {
			request.header(HttpHeaders.AUTHORIZATION, header);
		}
		assertThat(request).hasStatus(status).hasBodyTextEqualTo(body).bodyText().doesNotContain("eyJ");
	}

	static Stream<Arguments> attacks() {
		return Stream.of(
				arguments("no Authorization header", supply(null), 400, detail("No Authorization header found")),
				arguments("empty Authorization header", supply(""), 400, detail("No Authorization header found")),
				arguments("wrong scheme (Basic)", supply("Basic dXNlcjpwYXNz"), 400,
						detail("No token found in Authorization header")),
				arguments("empty bearer", supply("Bearer "), 400, detail("No token found in Authorization header")),
				arguments("extra parts", (Supplier<String>) () -> bearer(TestKeys.rs256(claims())) + " extra", 400,
						detail("No token found in Authorization header")),
				arguments("unsigned (alg none)", (Supplier<String>) () -> bearer(TestKeys.unsigned(claims())), 401,
						detail(JwtFailures.UNKNOWN_KEY)),
				arguments("HMAC signed with the public key",
						(Supplier<String>) () -> bearer(TestKeys.hmacWithPublicKey(claims())), 401,
						detail(JwtFailures.UNKNOWN_KEY)),
				arguments("wrong key, published kid",
						(Supplier<String>) () -> bearer(TestKeys.sign(JWSAlgorithm.RS256, "rsa-1", claims(),
								TestKeys.signer(TestKeys.IMPOSTOR))),
						401, detail("Invalid token: bad signature")),
				arguments("unknown kid",
						(Supplier<String>) () -> bearer(
								TestKeys.sign(JWSAlgorithm.RS256, "who", claims(), TestKeys.signer(TestKeys.IMPOSTOR))),
						401, detail(JwtFailures.UNKNOWN_KEY)),
				arguments("RSA key used with another algorithm (PS256)",
						(Supplier<String>) () -> bearer(
								TestKeys.sign(JWSAlgorithm.PS256, "rsa-1", claims(), TestKeys.signer(TestKeys.RSA))),
						401, detail(JwtFailures.UNKNOWN_KEY)),
				arguments("expired", (Supplier<String>) () -> bearer(TestKeys.rs256(with("exp", -60))), 401,
						detail("Token has expired")),
				arguments("not yet valid", (Supplier<String>) () -> bearer(TestKeys.rs256(with("nbf", 60))), 401,
						detail("Error validating token")),
				arguments("missing user id claim", (Supplier<String>) () -> bearer(TestKeys.rs256(without("user_id"))),
						401, detail("Token missing claim: user_id")),
				arguments("missing username claim",
						(Supplier<String>) () -> bearer(TestKeys.rs256(without("username"))), 401,
						detail("Token missing claim: username")),
				arguments("malformed token", supply("Bearer not-a-jwt"), 400, detail(JwtFailures.DECODE_ERROR)),
				arguments("malformed segments", supply("Bearer eyJhbGciOi.x.y"), 400,
						detail(JwtFailures.DECODE_ERROR)));
	}

	@Test
	void jwkEndpointDownShouldAnswer503WithoutStackTrace() {
		jwks.stubFor(get("/jwks").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		String token = TestKeys.sign(JWSAlgorithm.RS256, "not-cached-yet", claims(), TestKeys.signer(TestKeys.RSA));
		assertThat(this.mvc.post().uri("/authorized").header(HttpHeaders.AUTHORIZATION, bearer(token))).hasStatus(503)
			.hasBodyTextEqualTo(
					"{\"detail\":{\"response\":\"Unable to verify token\",\"cause\":\"The JWK set could not be fetched\"}}");
	}

	@Test
	void jwkEndpointReturningHtmlShouldAnswer503() {
		jwks.stubFor(get("/jwks").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/html")
			.withBody("<html><body>Login</body></html>")));
		String token = TestKeys.sign(JWSAlgorithm.RS256, "not-cached-yet", claims(), TestKeys.signer(TestKeys.RSA));
		assertThat(this.mvc.post().uri("/authorized").header(HttpHeaders.AUTHORIZATION, bearer(token))).hasStatus(503)
			.hasBodyTextEqualTo("{\"detail\":{\"response\":\"Unable to verify token\","
					+ "\"cause\":\"The JWK set endpoint did not return a valid JWK set\"}}");
	}

	@Test
	void getAuthorizedShouldBeMethodNotAllowedBeforeAuthentication() {
		assertThat(this.mvc.get().uri("/authorized")).hasStatus(405);
	}

	static String bearer(String token) {
		return "Bearer " + token;
	}

	static String detail(String text) {
		return "{\"detail\":\"" + text + "\"}";
	}

	static Map<String, Object> claims() {
		return new HashMap<>(TestKeys.claims());
	}

	static Map<String, Object> with(String timeClaim, long offsetSeconds) {
		Map<String, Object> claims = claims();
		long now = Instant.now().getEpochSecond();
		claims.put("iat", now - 120);
		claims.put(timeClaim, now + offsetSeconds);
		return claims;
	}

	static Map<String, Object> without(String claim) {
		Map<String, Object> claims = claims();
		claims.remove(claim);
		return claims;
	}

	static Supplier<String> supply(String value) {
		return () -> value;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Configuration {

		@Bean
		LightspeedConfiguration lightspeedConfiguration() {
			return TestConfigurations.minimalWith("""
					authentication:
					  module: jwk-token
					  jwk_config:
					    url: %s/jwks
					""".formatted(jwks.baseUrl()));
		}

	}

}
