package dev.lightspeed.stack.auth;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JWSAlgorithm;
import dev.lightspeed.stack.auth.BypassCallers.Caller;
import dev.lightspeed.stack.support.ApplicationClient;
import dev.lightspeed.stack.support.BypassTable;
import dev.lightspeed.stack.support.RunningApplication;
import dev.lightspeed.stack.support.TestConfigurations;
import dev.lightspeed.stack.support.WireMockLlamaStack;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

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
		try (RunningApplication app = RunningApplication
			.start(TestConfigurations.application("bypass-keys", llamaStack.baseUrl(), directory, """
					user_data_collection: {}
					authentication:
					  module: api-key-token
					  api_key_config: {api_key: static-key-of-this-deployment, admin_api_key: %s}
					""".formatted(ADMIN)))) {
			ApplicationClient client = app.client();
			String valid = issue(client, "{\"user_id\":\"alice\"}").at("/api_key").asString();
			assertThat(query(client, valid).statusCode()).isEqualTo(200);

			JsonNode revoked = issue(client, "{\"user_id\":\"bob\"}");
			admin(client, "DELETE", "/v1/admin/api-keys/" + revoked.at("/key/id").asString(), ADMIN);
			table.attempt("api-key-token", "revoked key", 401, query(client, revoked.at("/api_key").asString()));

			JsonNode expiring = issue(client,
					"{\"user_id\":\"carol\",\"expires_at\":\"" + Instant.now().plusSeconds(1) + "\"}");
			Thread.sleep(1200);
			table.attempt("api-key-token", "expired key", 401, query(client, expiring.at("/api_key").asString()));

			JsonNode rotated = issue(client, "{\"user_id\":\"dave\"}");
			admin(client, "POST", "/v1/admin/api-keys/" + rotated.at("/key/id").asString() + "/rotate", ADMIN);
			table.attempt("api-key-token", "rotated-away key", 401, query(client, rotated.at("/api_key").asString()));

			char last = valid.charAt(valid.length() - 1);
			table.attempt("api-key-token", "forged key: a valid key with its last character changed", 401,
					query(client, valid.substring(0, valid.length() - 1) + ((last == 'A') ? 'B' : 'A')));
			table.attempt("api-key-token", "forged key: random key of the right form", 401,
					query(client, "lsk_" + "A".repeat(43)));
			table.attempt("api-key-token", "forged key: the stored SHA-256 of a valid key", 401,
					query(client,
							JdbcClient.create(app.bean(javax.sql.DataSource.class))
								.sql("SELECT key_hash FROM api_key WHERE user_id = 'alice'")
								.query(String.class)
								.single()));
			table.attempt("api-key-token", "forged key: the key prefix shown in listings", 401,
					query(client, valid.substring(0, 12)));
			table.attempt("api-key-token", "forged key: another deployment's static key", 401,
					query(client, "static-key-of-another-deployment"));
			table.attempt("api-key-token", "forged key: the admin credential used as an API key", 401,
					query(client, ADMIN));
			table.attempt("api-key-token", "no Authorization header", 401, query(client, null));
			table.attempt("api-key-token", "key sent as Basic credentials", 401,
					client.send(client.request("/v1/query")
						.header("Authorization", "Basic " + valid)
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString(BypassCallers.QUERY))));

			table.attempt("admin API", "no admin credential", 401, admin(client, "GET", "/v1/admin/api-keys", null));
			table.attempt("admin API", "wrong admin credential", 401,
					admin(client, "GET", "/v1/admin/api-keys", "admin-credential-0123456780"));
			table.attempt("admin API", "a valid API key instead of the admin credential", 401,
					admin(client, "POST", "/v1/admin/api-keys", valid));
			table.attempt("admin API", "the static API key instead of the admin credential", 401,
					admin(client, "GET", "/v1/admin/api-keys", "static-key-of-this-deployment"));
		}
	}

	@Test
	void rolesWithoutTheActionAndForgedRoleClaimsShouldBeRefused() {
		{
			try (RunningApplication app = RunningApplication
				.start(TestConfigurations.application("bypass-roles", llamaStack.baseUrl(), directory, """
						user_data_collection: {feedback_enabled: true, feedback_storage: %s/feedback}
						authentication:
						  module: jwk-token
						  jwk_config:
						    url: %s/jwks
						    jwt_configuration:
						      role_rules:
						        - {jsonpath: '$.groups[*]', operator: contains, value: lightspeed-users, roles: [user]}
						        - {jsonpath: '$.groups[*]', operator: contains, value: auditors, roles: [auditor]}
						authorization:
						  access_rules:
						    - {role: '*', actions: [info, get_models, list_conversations]}
						    - role: user
						      actions: [query, streaming_query, feedback, get_conversation, delete_conversation,
						                update_conversation]
						    - {role: auditor, actions: [get_conversation, read_other_conversations]}
						""".formatted(directory, jwks.baseUrl())))) {
				Caller alice = Caller.bearer("alice", TestKeys.rs256(claims("alice", "lightspeed-users")));
				Caller carol = Caller.bearer("carol", TestKeys.rs256(claims("carol", "guests")));
				Caller auditor = Caller.bearer("dora", TestKeys.rs256(claims("dora", "auditors")));
				ApplicationClient client = app.client();
				String id = alice.startConversation(client);
				String role = "jwk-token roles";
				table.attempt(role, "no role: query", 403,
						carol.send(client, "POST", "/v1/query", BypassCallers.QUERY));
				table.attempt(role, "no role: streaming query", 403,
						carol.send(client, "POST", "/v1/streaming_query", BypassCallers.QUERY));
				table.attempt(role, "no role: feedback", 403,
						carol.send(client, "POST", "/v1/feedback", "{\"conversation_id\":\"" + id
								+ "\",\"user_question\":\"q\",\"llm_response\":\"a\",\"sentiment\":1}"));
				table.attempt(role, "no role: configuration", 403, carol.send(client, "GET", "/v1/config", null));
				table.attempt(role, "no role: metrics", 403, carol.send(client, "GET", "/metrics", null));
				table.attempt(role, "role without model_override: choose the model", 403, alice.send(client, "POST",
						"/v1/query", "{\"query\":\"q\",\"model\":\"fake-model\",\"provider\":\"vllm\"}"));
				table.attempt(role, "auditor (read others only): delete another user's conversation", 403,
						auditor.send(client, "DELETE", "/v1/conversations/" + id, null));
				table.attempt(role, "auditor (read others only): continue another user's conversation", 403, auditor
					.send(client, "POST", "/v1/query", "{\"query\":\"q\",\"conversation_id\":\"" + id + "\"}"));
				Map<String, Object> forgedClaims = claims("carol", "lightspeed-users", "auditors");
				table.attempt(role, "forged role claims: token signed by an unknown key", 401,
						Caller
							.bearer("carol",
									TestKeys.sign(JWSAlgorithm.RS256, "rsa-1", forgedClaims,
											TestKeys.signer(TestKeys.IMPOSTOR)))
							.send(client, "POST", "/v1/query", BypassCallers.QUERY));
				table.attempt(role, "forged role claims: HS256 keyed with the public key", 401,
						Caller.bearer("carol", TestKeys.hmacWithPublicKey(forgedClaims))
							.send(client, "POST", "/v1/query", BypassCallers.QUERY));
				table.attempt(role, "forged role claims: unsigned token", 401,
						Caller.bearer("carol", TestKeys.unsigned(forgedClaims))
							.send(client, "POST", "/v1/query", BypassCallers.QUERY));
				table.attempt(role, "no token on an endpoint that rules make authenticate (/v1/models)", 400,
						client.send("GET", "/v1/models"));
				BypassCallers.otherUsersConversation(table, "jwk-token", app, alice,
						Caller.bearer("bob", TestKeys.rs256(claims("bob", "lightspeed-users"))));
			}
		}
	}

	@Test
	void anotherUsersConversationShouldBeRefusedUnderEveryModule() throws Exception {
		String url = llamaStack.baseUrl();
		try (RunningApplication app = RunningApplication
			.start(TestConfigurations.application("bypass-noop", url, directory, "user_data_collection: {}\n"))) {
			BypassCallers.otherUsersConversation(table, "noop", app, new Caller("alice", (r) -> r, "alice"),
					new Caller("bob", (r) -> r, "bob"));
		}
		try (RunningApplication app = RunningApplication.start(TestConfigurations.application("bypass-noop-token", url,
				directory, "user_data_collection: {}\nauthentication: {module: noop-with-token}\n"))) {
			BypassCallers.otherUsersConversation(table, "noop-with-token", app,
					new Caller("alice", (r) -> r.header("Authorization", "Bearer t"), "alice"),
					new Caller("bob", (r) -> r.header("Authorization", "Bearer t"), "bob"));
		}
		try (RunningApplication app = RunningApplication
			.start(TestConfigurations.application("bypass-api-key", url, directory, """
					user_data_collection: {}
					authentication: {module: api-key-token, api_key_config: {admin_api_key: %s}}
					""".formatted(ADMIN)))) {
			BypassCallers.otherUsersConversation(table, "api-key-token", app,
					Caller.bearer("alice", issue(app.client(), "{\"user_id\":\"alice\"}").at("/api_key").asString()),
					Caller.bearer("bob", issue(app.client(), "{\"user_id\":\"bob\"}").at("/api_key").asString()));
		}
		try (RunningApplication app = RunningApplication
			.start(TestConfigurations.application("bypass-rh-identity", url, directory, """
					user_data_collection: {}
					authentication: {module: rh-identity, rh_identity_config: {required_entitlements: [rhel]}}
					"""))) {
			String alice = RhIdentityAuthenticationTests.encode(RhIdentityAuthenticationTests.USER);
			String bob = RhIdentityAuthenticationTests
				.encode(RhIdentityAuthenticationTests.USER.replace("u-42", "u-43"));
			BypassCallers.otherUsersConversation(table, "rh-identity", app,
					Caller.header("alice", RhIdentityAuthenticationModule.HEADER, alice),
					Caller.header("bob", RhIdentityAuthenticationModule.HEADER, bob));
			String unentitled = RhIdentityAuthenticationTests.encode(RhIdentityAuthenticationTests.USER
				.replace("\"rhel\":{\"is_entitled\":true}", "\"rhel\":{\"is_entitled\":false}"));
			table.attempt("rh-identity", "identity without the required entitlement", 403,
					Caller.header("eve", RhIdentityAuthenticationModule.HEADER, unentitled)
						.send(app.client(), "POST", "/v1/query", BypassCallers.QUERY));
			table.attempt("rh-identity", "header over max_header_size", 400,
					Caller.header("eve", RhIdentityAuthenticationModule.HEADER, "A".repeat(5000))
						.send(app.client(), "POST", "/v1/query", BypassCallers.QUERY));
		}
		kubernetesModules(url);
		{
			try (RunningApplication app = RunningApplication.start(TestConfigurations.application("bypass-jwk", url,
					directory, "user_data_collection: {}\nauthentication: {module: jwk-token, jwk_config: {url: '"
							+ jwks.baseUrl() + "/jwks'}}\n"))) {
				BypassCallers.otherUsersConversation(table, "jwk-token", app,
						Caller.bearer("alice", TestKeys.rs256(claims("alice"))),
						Caller.bearer("bob", TestKeys.rs256(claims("bob"))));
			}
		}
	}

	private static void kubernetesModules(String url) {
		{
			WireMockServer api = kubernetes;
			try (RunningApplication app = RunningApplication.start(TestConfigurations.application("bypass-k8s", url,
					directory, "user_data_collection: {}\nauthentication: {module: k8s, k8s_cluster_api: '"
							+ api.baseUrl() + "'}\n"))) {
				BypassCallers.otherUsersConversation(table, "k8s", app, Caller.bearer("alice", "alice-token"),
						Caller.bearer("bob", "bob-token"));
				table.attempt("k8s", "token the API server does not vouch for", 403,
						Caller.bearer("eve", "forged-token")
							.send(app.client(), "POST", "/v1/query", BypassCallers.QUERY));
			}
			try (RunningApplication app = RunningApplication
				.start(TestConfigurations.application("bypass-proxy", url, directory, """
						user_data_collection: {}
						authentication:
						  module: trusted-proxy
						  k8s_cluster_api: '%s'
						  trusted_proxy_config: {allowed_service_accounts: [{namespace: gateway, name: oauth-proxy}]}
						""".formatted(api.baseUrl())))) {
				BypassCallers.otherUsersConversation(table, "trusted-proxy", app, proxied("proxy-token", "alice"),
						proxied("proxy-token", "bob"));
				ApplicationClient client = app.client();
				table.attempt("trusted-proxy", "user header from a service account not allowed", 403,
						proxied("pod-token", "alice").send(client, "POST", "/v1/query", BypassCallers.QUERY));
				table.attempt("trusted-proxy", "user header from a token the API server does not vouch for", 401,
						proxied("forged-token", "alice").send(client, "POST", "/v1/query", BypassCallers.QUERY));
				table.attempt("trusted-proxy", "user header without a proxy token", 401,
						Caller.header("alice", "X-Forwarded-User", "alice")
							.send(client, "POST", "/v1/query", BypassCallers.QUERY));
			}
		}
	}

	private static Caller proxied(String proxyToken, String user) {
		return new Caller(user,
				(request) -> request.header("Authorization", "Bearer " + proxyToken).header("X-Forwarded-User", user),
				null);
	}

	private static Map<String, Object> claims(String user, String... groups) {
		Map<String, Object> claims = new HashMap<>(TestKeys.claims());
		claims.put("user_id", user);
		claims.put("username", user);
		claims.put("groups", List.of(groups));
		return claims;
	}

	private static JsonNode issue(ApplicationClient client, String body) {
		HttpResponse<String> response = client.send(client.request("/v1/admin/api-keys")
			.header("Authorization", "Bearer " + ADMIN)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
		assertThat(response.statusCode()).isEqualTo(201);
		return JsonMapper.shared().readTree(response.body());
	}

	private static HttpResponse<String> admin(ApplicationClient client, String method, String path,
			@Nullable String credential) {
		HttpRequest.Builder request = client.request(path)
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString("{\"user_id\":\"mallory\"}"));
		if (credential != null) {
			request.header("Authorization", "Bearer " + credential);
		}
		return client.send(request);
	}

	private static HttpResponse<String> query(ApplicationClient client, @Nullable String key) {
		HttpRequest.Builder request = client.request("/v1/query")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(BypassCallers.QUERY));
		if (key != null) {
			request.header("Authorization", "Bearer " + key);
		}
		return client.send(request);
	}

}
