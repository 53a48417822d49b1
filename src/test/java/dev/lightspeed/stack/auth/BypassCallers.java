package dev.lightspeed.stack.auth;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.UnaryOperator;

import dev.lightspeed.stack.support.ApplicationClient;
import dev.lightspeed.stack.support.BypassTable;
import dev.lightspeed.stack.support.RunningApplication;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Callers of a running application as each authentication module identifies them, and the
 * attempts every module must refuse: another user's conversation, read, changed, deleted
 * and continued.
 */
final class BypassCallers {

	static final String QUERY = "{\"query\":\"What is Kubernetes?\"}";

	private BypassCallers() {
	}

	/**
	 * A caller: their credentials, added to every request.
	 *
	 * @param name who they are, for the table
	 * @param credentials what the module reads
	 * @param userIdParameter the {@code ?user_id=} of the noop modules, or null
	 */
	record Caller(String name, UnaryOperator<HttpRequest.Builder> credentials, @Nullable String userIdParameter) {

		static Caller bearer(String name, String token) {
			return new Caller(name, (request) -> request.header("Authorization", "Bearer " + token), null);
		}

		static Caller header(String name, String header, String value) {
			return new Caller(name, (request) -> request.header(header, value), null);
		}

		HttpResponse<String> send(ApplicationClient client, String method, String path, @Nullable String json) {
			String target = (this.userIdParameter != null) ? path + "?user_id=" + this.userIdParameter : path;
			HttpRequest.Builder request = client.request(target)
				.method(method, (json != null) ? HttpRequest.BodyPublishers.ofString(json)
						: HttpRequest.BodyPublishers.noBody());
			if (json != null) {
				request.header("Content-Type", "application/json");
			}
			return client.send(this.credentials.apply(request));
		}

		String startConversation(ApplicationClient client) {
			HttpResponse<String> response = send(client, "POST", "/v1/query", QUERY);
			assertThat(response.statusCode()).as(this.name + " starts a conversation").isEqualTo(200);
			return JsonMapper.shared().readTree(response.body()).get("conversation_id").asString();
		}

	}

	/**
	 * Has {@code owner} start a conversation and {@code other} try everything on it.
	 */
	static void otherUsersConversation(BypassTable table, String module, RunningApplication app, Caller owner,
			Caller other) {
		ApplicationClient client = app.client();
		String id = owner.startConversation(client);
		String on = "another user's conversation: ";
		table.attempt(module, on + "read (v1)", 403, other.send(client, "GET", "/v1/conversations/" + id, null));
		table.attempt(module, on + "read (v2)", 403, other.send(client, "GET", "/v2/conversations/" + id, null));
		table.attempt(module, on + "rename (v2)", 403,
				other.send(client, "PUT", "/v2/conversations/" + id, "{\"topic_summary\":\"mine\"}"));
		table.attempt(module, on + "delete (v1)", 403, other.send(client, "DELETE", "/v1/conversations/" + id, null));
		table.attempt(module, on + "delete (v2)", 403, other.send(client, "DELETE", "/v2/conversations/" + id, null));
		String followUp = "{\"query\":\"and?\",\"conversation_id\":\"" + id + "\"}";
		table.attempt(module, on + "continue (query)", 403, other.send(client, "POST", "/v1/query", followUp));
		table.attempt(module, on + "continue (streaming query)", 403,
				other.send(client, "POST", "/v1/streaming_query", followUp));
		assertThat(other.send(client, "GET", "/v2/conversations", null).body()).as("other user's list")
			.doesNotContain(id);
		assertThat(owner.send(client, "GET", "/v2/conversations", null).body()).as("owner's list").contains(id);
	}

}
