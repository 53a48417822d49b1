package dev.lightspeed.stack.e2e;

import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service behind {@code jwk-token} authentication, end to end: tokens minted here,
 * keys served here, answers from the real Llama Stack, and the caller's token forwarded
 * to the MCP server when no MCP-HEADERS are sent.
 */
class JwkTokenE2E {

	private static RSAKey key;

	private static HttpServer jwks;

	private static LightspeedService service;

	private static Http http;

	@BeforeAll
	static void start() throws Exception {
		key = new RSAKeyGenerator(2048).keyID("e2e-key").generate();
		byte[] keySet = new JWKSet(List.of(key.toPublicJWK())).toString().getBytes(StandardCharsets.UTF_8);
		jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		jwks.createContext("/jwks", (exchange) -> {
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, keySet.length);
			exchange.getResponseBody().write(keySet);
			exchange.close();
		});
		jwks.start();
		service = LightspeedService.start(LightspeedService.configuration("e2e-jwk", """
				user_data_collection: {}
				mcp_servers:
				  - name: e2e-mcp-jwk
				    url: %s
				authentication:
				  module: jwk-token
				  jwk_config:
				    url: http://127.0.0.1:%d/jwks
				    jwt_configuration:
				      user_id_claim: sub
				      username_claim: preferred_username
				""".formatted(E2eEnvironment.mcpServerUrl(), jwks.getAddress().getPort())));
		http = new Http(service.url());
	}

	@AfterAll
	static void stop() {
		if (service != null) {
			service.close();
		}
		if (jwks != null) {
			jwks.stop(0);
		}
	}

	@Test
	void aSignedTokenIsAnsweredAndTheConversationBelongsToItsSubject() throws Exception {
		Map<String, String> auth = bearer("user-1", "alice");
		HttpResponse<String> response = http.post("/v1/query", "{\"query\":\"What is Kubernetes?\"}", auth);
		assertThat(response.statusCode()).isEqualTo(200);
		String id = Http.json(response).path("conversation_id").asString();
		assertThat(http.post("/authorized", "", auth).body())
			.isEqualTo("{\"user_id\":\"user-1\",\"username\":\"alice\"}");
		HttpResponse<String> list = getWith("/v1/conversations", auth);
		assertThat(Http.json(list).path("conversations").findValuesAsString("conversation_id")).contains(id);
		HttpResponse<String> other = getWith("/v1/conversations/" + id, bearer("user-2", "bob"));
		assertThat(other.statusCode()).isEqualTo(403);
	}

	@Test
	void streamingWorksBehindAuthentication() throws Exception {
		HttpResponse<String> response = http.post("/v1/streaming_query", "{\"query\":\"What is Kubernetes?\"}",
				bearer("user-1", "alice"));
		assertThat(response.statusCode()).isEqualTo(200);
		List<JsonNode> events = SseParsers.strictBlocks(response.body());
		assertThat(SseParsers.names(events)).startsWith("start").endsWith("end").contains("turn_complete");
		assertThat(SseParsers.answer(events)).startsWith("Kubernetes is");
	}

	@Test
	void missingOrForgedTokensAreRefusedBeforeAnyLlamaStackCall() throws Exception {
		assertThat(http.post("/v1/query", "{\"query\":\"q\"}").body())
			.isEqualTo("{\"detail\":\"No Authorization header found\"}");
		RSAKey stranger = new RSAKeyGenerator(2048).keyID("e2e-key").generate();
		HttpResponse<String> forged = http.post("/v1/streaming_query", "{\"query\":\"q\"}",
				Map.of("Authorization", "Bearer " + token(stranger, "user-1", "alice")));
		assertThat(forged.statusCode()).isEqualTo(401);
	}

	@Test
	void theCallersTokenReachesTheMcpServerWhenNoMcpHeadersAreSent() throws Exception {
		new Http("").delete(E2eEnvironment.mcpHeadersUrl());
		Map<String, String> auth = bearer("user-3", "carol");
		HttpResponse<String> response = http.post("/v1/query",
				"{\"query\":\"Please use the tool list_pods in namespace demo\"}", auth);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(Http.json(response).path("response").asString()).contains("pod-a, pod-b in demo");
		String recorded = new Http("").get(E2eEnvironment.mcpHeadersUrl()).body();
		assertThat(recorded).contains(auth.get("Authorization").substring("Bearer ".length()));
	}

	private static HttpResponse<String> getWith(String path, Map<String, String> headers) throws Exception {
		java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest
			.newBuilder(java.net.URI.create(service.url() + path));
		headers.forEach(request::header);
		return java.net.http.HttpClient.newHttpClient()
			.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
	}

	private static Map<String, String> bearer(String subject, String name) throws Exception {
		return Map.of("Authorization", "Bearer " + token(key, subject, name));
	}

	private static String token(RSAKey signingKey, String subject, String name) throws Exception {
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject)
			.claim("preferred_username", name)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(),
				claims);
		jwt.sign(new RSASSASigner(signingKey));
		return jwt.serialize();
	}

}
