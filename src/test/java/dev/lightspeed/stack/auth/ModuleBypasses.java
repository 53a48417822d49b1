package dev.lightspeed.stack.auth;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.lightspeed.stack.auth.BypassCallers.Caller;
import dev.lightspeed.stack.support.ApplicationClient;
import dev.lightspeed.stack.support.RunningApplication;
import dev.lightspeed.stack.support.TestConfigurations;

import static dev.lightspeed.stack.auth.GovernanceBypassIT.ADMIN;
import static dev.lightspeed.stack.auth.GovernanceBypassIT.directory;
import static dev.lightspeed.stack.auth.GovernanceBypassIT.jwks;
import static dev.lightspeed.stack.auth.GovernanceBypassIT.kubernetes;
import static dev.lightspeed.stack.auth.GovernanceBypassIT.llamaStack;
import static dev.lightspeed.stack.auth.GovernanceBypassIT.table;

/**
 * Another user's conversation under each authentication module, and each module's own
 * forgeries.
 */
final class ModuleBypasses {

	private ModuleBypasses() {
	}

	static void run() throws Exception {
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
					Caller.bearer("alice",
							ApiKeyBypasses.issue(app.client(), "{\"user_id\":\"alice\"}").at("/api_key").asString()),
					Caller.bearer("bob",
							ApiKeyBypasses.issue(app.client(), "{\"user_id\":\"bob\"}").at("/api_key").asString()));
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
						Caller.bearer("alice", TestKeys.rs256(RoleBypasses.claims("alice"))),
						Caller.bearer("bob", TestKeys.rs256(RoleBypasses.claims("bob"))));
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

}
