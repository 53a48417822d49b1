package dev.lightspeed.stack.auth;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import dev.lightspeed.stack.auth.BypassCallers.Caller;
import dev.lightspeed.stack.support.ApplicationClient;
import dev.lightspeed.stack.support.RunningApplication;
import dev.lightspeed.stack.support.TestConfigurations;

import static dev.lightspeed.stack.auth.GovernanceBypassIT.directory;
import static dev.lightspeed.stack.auth.GovernanceBypassIT.jwks;
import static dev.lightspeed.stack.auth.GovernanceBypassIT.llamaStack;
import static dev.lightspeed.stack.auth.GovernanceBypassIT.table;

/**
 * Roles without the action, forged role claims, and the actions on other users'
 * conversations, under {@code jwk-token} with role rules and access rules.
 */
final class RoleBypasses {

	private RoleBypasses() {
	}

	static void run() {
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

	static Map<String, Object> claims(String user, String... groups) {
		Map<String, Object> claims = new HashMap<>(TestKeys.claims());
		claims.put("user_id", user);
		claims.put("username", user);
		claims.put("groups", List.of(groups));
		return claims;
	}

}
