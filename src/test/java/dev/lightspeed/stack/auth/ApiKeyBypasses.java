package dev.lightspeed.stack.auth;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

import dev.lightspeed.stack.support.ApplicationClient;
import dev.lightspeed.stack.support.RunningApplication;
import dev.lightspeed.stack.support.TestConfigurations;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.lightspeed.stack.auth.GovernanceBypassIT.ADMIN;
import static dev.lightspeed.stack.auth.GovernanceBypassIT.directory;
import static dev.lightspeed.stack.auth.GovernanceBypassIT.llamaStack;
import static dev.lightspeed.stack.auth.GovernanceBypassIT.table;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keys that are revoked, expired, rotated away or forged, and the admin API without its
 * credential.
 */
final class ApiKeyBypasses {

	private ApiKeyBypasses() {
	}

	static void run() throws Exception {
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

	static JsonNode issue(ApplicationClient client, String body) {
		HttpResponse<String> response = client.send(client.request("/v1/admin/api-keys")
			.header("Authorization", "Bearer " + ADMIN)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
		assertThat(response.statusCode()).isEqualTo(201);
		return JsonMapper.shared().readTree(response.body());
	}

	static HttpResponse<String> admin(ApplicationClient client, String method, String path,
			@Nullable String credential) {
		// A body only where the endpoint reads one: Jetty may close the connection after
		// answering a request whose body it did not read, and the next request on it then
		// gets no answer.
		HttpRequest.BodyPublisher body = "POST".equals(method)
				? HttpRequest.BodyPublishers.ofString("{\"user_id\":\"mallory\"}")
				: HttpRequest.BodyPublishers.noBody();
		HttpRequest.Builder request = client.request(path)
			.header("Content-Type", "application/json")
			.method(method, body);
		if (credential != null) {
			request.header("Authorization", "Bearer " + credential);
		}
		return client.send(request);
	}

	static HttpResponse<String> query(ApplicationClient client, @Nullable String key) {
		HttpRequest.Builder request = client.request("/v1/query")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(BypassCallers.QUERY));
		if (key != null) {
			request.header("Authorization", "Bearer " + key);
		}
		return client.send(request);
	}

}
