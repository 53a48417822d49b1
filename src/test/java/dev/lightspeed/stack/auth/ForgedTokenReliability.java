package dev.lightspeed.stack.auth;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.lightspeed.stack.support.ReliabilityReport;
import dev.lightspeed.stack.support.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forged and broken tokens against the packaged jar with {@code jwk-token} and a required
 * audience: none is accepted, and each gets the status docs/authentication.md documents
 * for it. A valid token is the control.
 */
class ForgedTokenReliability {

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private static final ReliabilityReport report = new ReliabilityReport("forged-tokens", "Token", "Status",
			"Documented", "Accepted");

	@TempDir
	Path directory;

	@Test
	void noForgedTokenIsAccepted() throws Exception {
		WireMockServer jwks = new WireMockServer(options().dynamicPort());
		jwks.start();
		jwks.stubFor(get("/jwks").willReturn(okJson(TestKeys.jwkSet())));
		try (ServiceProcess service = ServiceProcess.start(this.directory, "http://127.0.0.1:9",
				ServiceProcess.userData(this.directory.resolve("data")) + """
						authentication:
						  module: jwk-token
						  jwk_config:
						    url: %s/jwks
						""".formatted(jwks.baseUrl()), "-Dlightspeed.jwk-token.audiences=lightspeed")) {
			assertThat(authorized(service, TestKeys.rs256(claims(Map.of())))).as("the control").isEqualTo(200);
			int accepted = 0;
			for (Forgery forgery : forgeries()) {
				int status = authorized(service, forgery.token().get());
				boolean wasAccepted = status == 200;
				accepted += wasAccepted ? 1 : 0;
				report.row(forgery.name(), status, forgery.documented(), wasAccepted ? "yes" : "no");
				assertThat(status).as(forgery.name()).isEqualTo(forgery.documented());
			}
			assertThat(accepted).isZero();
		}
		finally {
			jwks.stop();
		}
	}

	private static int authorized(ServiceProcess service, String token) throws Exception {
		return HTTP
			.send(HttpRequest.newBuilder(URI.create(service.url("/authorized")))
				.header("Authorization", "Bearer " + token)
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	// valid claims for the required audience, with some replaced, or removed ("")
	private static Map<String, Object> claims(Map<String, Object> changes) {
		Map<String, Object> claims = new HashMap<>(TestKeys.claims());
		claims.put("aud", "lightspeed");
		changes.forEach((name, value) -> {
			if (value.equals("")) {
				claims.remove(name);
			}
			else {
				claims.put(name, value);
			}
		});
		return claims;
	}

	private static List<Forgery> forgeries() {
		long now = Instant.now().getEpochSecond();
		return List.of(new Forgery("expired an hour ago", () -> TestKeys.rs256(claims(Map.of("exp", now - 3600))), 401),
				new Forgery("expired a second ago", () -> TestKeys.rs256(claims(Map.of("exp", now - 1))), 401),
				new Forgery("not valid for another minute", () -> TestKeys.rs256(claims(Map.of("nbf", now + 60))), 401),
				new Forgery(
						"iat after exp", () -> TestKeys.rs256(claims(Map.of("iat", now + 600, "exp", now + 300))), 401),
				new Forgery("exp that is not a date", ForgedTokenReliability::expTomorrow, 401),
				new Forgery("signed by another key with a published kid",
						() -> TestKeys.sign(JWSAlgorithm.RS256, "rsa-1", claims(Map.of()),
								TestKeys.signer(TestKeys.IMPOSTOR)),
						401),
				new Forgery("signed by a key that is not published",
						() -> TestKeys.sign(JWSAlgorithm.RS256, "nobody", claims(Map.of()),
								TestKeys.signer(TestKeys.IMPOSTOR)),
						401),
				new Forgery("alg none", () -> TestKeys.unsigned(claims(Map.of())), 401),
				new Forgery("HS256 keyed with the public key", () -> TestKeys.hmacWithPublicKey(claims(Map.of())), 401),
				new Forgery("RS256 header on the EC key's kid",
						() -> TestKeys.sign(JWSAlgorithm.RS256, "ec-1", claims(Map.of()),
								TestKeys.signer(TestKeys.IMPOSTOR)),
						401),
				new Forgery("payload changed after signing", ForgedTokenReliability::tampered, 401),
				new Forgery("signature removed", () -> stripped(TestKeys.rs256(claims(Map.of()))), 400),
				new Forgery("wrong audience", () -> TestKeys.rs256(claims(Map.of("aud", "someone-else"))), 401),
				new Forgery("no audience", () -> TestKeys.rs256(claims(Map.of("aud", ""))), 401),
				new Forgery("user_id claim missing", () -> TestKeys.rs256(claims(Map.of("user_id", ""))), 401),
				new Forgery("user_id claim an object", () -> TestKeys.rs256(claims(Map.of("user_id", Map.of("a", 1)))),
						401),
				new Forgery("user_id claim with a NUL", () -> TestKeys.rs256(claims(Map.of("user_id", "a\u0000b"))),
						400),
				new Forgery("user_id claim of 300 characters",
						() -> TestKeys.rs256(claims(Map.of("user_id", "u".repeat(300)))), 400),
				new Forgery("username claim missing", () -> TestKeys.rs256(claims(Map.of("username", ""))), 401),
				new Forgery("not a JWT", () -> "not-a-token", 400),
				new Forgery("two segments", () -> "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0", 400),
				new Forgery("payload not base64url", () -> "eyJhbGciOiJSUzI1NiJ9.%%%.c2ln", 401),
				new Forgery("encrypted (JWE)", ForgedTokenReliability::encrypted, 400), new Forgery("oversized (64 KB)",
						() -> TestKeys.rs256(claims(Map.of("padding", "x".repeat(64 << 10)))), 431));
	}

	private static String tampered() {
		String[] parts = TestKeys.rs256(claims(Map.of())).split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("u-42",
				"admin");
		return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "."
				+ parts[2];
	}

	// Nimbus will not build such claims: the payload is written by hand
	private static String expTomorrow() {
		try {
			JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").build(), new Payload(
					"{\"user_id\":\"u-42\",\"username\":\"alice\",\"aud\":\"lightspeed\"," + "\"exp\":\"tomorrow\"}"));
			jws.sign(TestKeys.signer(TestKeys.RSA));
			return jws.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String stripped(String token) {
		return token.substring(0, token.lastIndexOf('.') + 1);
	}

	private static String encrypted() {
		try {
			EncryptedJWT jwt = new EncryptedJWT(new JWEHeader(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A128GCM),
					JWTClaimsSet.parse(claims(Map.of())));
			jwt.encrypt(new RSAEncrypter(TestKeys.RSA.toRSAPublicKey()));
			return jwt.serialize();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Forgery(String name, Supplier<String> token, int documented) {
	}

}
