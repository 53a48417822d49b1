package dev.lightspeed.stack.replicas;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import dev.lightspeed.stack.support.ApplicationClient;
import dev.lightspeed.stack.support.ServiceProcess;
import dev.lightspeed.stack.support.TestDatabases;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 31 item 3: three replicas of the packaged jar on one PostgreSQL database, behind
 * a round-robin proxy, serve as one service ({@link ReplicaSet}). Where the point is
 * "another replica", requests go to the replicas one by one; the rest go through the
 * proxy. The last test kills a replica under load ({@link KillUnderLoad}). Needs the
 * PostgreSQL of {@code scripts/with-postgres.sh}, as {@code make verify} runs it.
 */
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_PORT, matches = "\\d+")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasIT {

	static final JsonMapper JSON = JsonMapper.shared();

	static final String INTERRUPT = "/v1/streaming_query/interrupt?user_id=";

	@TempDir
	static Path directory;

	private static ReplicaSet replicas;

	@BeforeAll
	static void start() throws Exception {
		replicas = ReplicaSet.start(directory, 3);
	}

	@AfterAll
	static void stop() throws Exception {
		if (replicas != null) {
			replicas.close();
		}
	}

	@Test
	@Order(1)
	void replicasStartingTogetherOnAnEmptyDatabaseAllStartOnOneSchema() {
		assertThat(replicas.jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = :ns")
			.param("ns", replicas.namespace())
			.query(String.class)
			.list()).containsExactlyInAnyOrder("user_conversation", "user_feedback", "conversation_turn", "mcp_server",
					"api_key", "quota_counter", "quota_reservation", "token_usage", "knowledge_owner", "active_stream",
					"stream_listener");
		assertThat(replicas.jdbc.sql("SELECT count(*) FROM stream_listener").query(Integer.class).single())
			.isEqualTo(3);
		for (ServiceProcess replica : replicas.replicas) {
			assertThat(replica.output()).contains("Started LightspeedStackApplication").doesNotContain(" ERROR ");
		}
		System.out.printf("replicas: 3 started together on an empty database, all ready in %d ms%n",
				replicas.startUp.toMillis());
	}

	@Test
	@Order(2)
	void aConversationStartedOnOneReplicaContinuesOnTheOthers() {
		String id = conversation(replicas.replica(0), "alice", "What is Kubernetes? (asked on replica 0)");
		String upstream = replicas.jdbc.sql("SELECT llama_session_id FROM user_conversation WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single();

		HttpResponse<String> followUp = query(replicas.replica(1), "alice", "And pods? (asked on replica 1)", id);
		assertThat(followUp.statusCode()).isEqualTo(200);
		assertThat(json(followUp).path("conversation_id").stringValue()).isEqualTo(id);
		assertThat(sentToLlamaStack("asked on replica 1").path("conversation").stringValue()).isEqualTo(upstream);

		HttpResponse<String> history = replicas.replica(2).send("GET", "/v1/conversations/" + id + "?user_id=alice");
		assertThat(history.statusCode()).isEqualTo(200);
		assertThat(json(history).path("chat_history").isEmpty()).isFalse();
		replicas.llamaStack.verify(getRequestedFor(urlPathEqualTo("/v1/conversations/" + upstream + "/items")));
		assertThat(replicas.jdbc.sql("SELECT message_count FROM user_conversation WHERE id = :id")
			.param("id", id)
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	@Test
	@Order(3)
	void aRenameOrADeleteOnOneReplicaIsSeenByTheOthersAtOnce() {
		String id = conversation(replicas.replica(0), "alice", "A conversation to rename, then delete");
		assertThat(replicas.replica(1)
			.send("PUT", "/v2/conversations/" + id + "?user_id=alice", "{\"topic_summary\":\"Renamed on replica 1\"}")
			.statusCode()).isEqualTo(200);
		for (int other : List.of(0, 2)) {
			JsonNode listed = json(replicas.replica(other).send("GET", "/v2/conversations?user_id=alice"));
			assertThat(listed.path("conversations").valueStream())
				.filteredOn((conversation) -> id.equals(conversation.path("conversation_id").stringValue()))
				.singleElement()
				.satisfies((conversation) -> assertThat(conversation.path("topic_summary").stringValue())
					.isEqualTo("Renamed on replica 1"));
		}

		assertThat(replicas.replica(2).send("DELETE", "/v1/conversations/" + id + "?user_id=alice").statusCode())
			.isEqualTo(200);
		for (int other : List.of(0, 1)) {
			ApplicationClient replica = replicas.replica(other);
			assertThat(replica.send("GET", "/v1/conversations/" + id + "?user_id=alice").statusCode()).isEqualTo(404);
			assertThat(query(replica, "alice", "Still there?", id).statusCode()).isEqualTo(404);
		}
	}

	@Test
	@Order(4)
	void onlyItsOwnerReachesAConversationOnAnyReplica() {
		String id = conversation(replicas.proxied(), "alice", "Alice's own conversation");
		for (int i = 0; i < 3; i++) {
			ApplicationClient replica = replicas.replica(i);
			String path = "/v1/conversations/" + id + "?user_id=";
			assertThat(replica.send("GET", path + "bob").statusCode()).isEqualTo(403);
			assertThat(replica.send("DELETE", path + "bob").statusCode()).isEqualTo(403);
			assertThat(
					replica.send("PUT", "/v2/conversations/" + id + "?user_id=bob", "{\"topic_summary\":\"Bob's now\"}")
						.statusCode())
				.isEqualTo(403);
			assertThat(query(replica, "bob", "May I?", id).statusCode()).isEqualTo(403);
			assertThat(replica.send("GET", path + "alice").statusCode()).isEqualTo(200);
		}
	}

	@Test
	@Order(5)
	void anMcpServerRegisteredOnOneReplicaIsListedAndOfferedByAllUntilDeletedOnAny() {
		String url = "http://127.0.0.1:9/replica-tools";
		assertThat(replicas.replica(0)
			.send("POST", "/v1/mcp-servers?user_id=alice", "{\"name\":\"replica-tools\",\"url\":\"" + url + "\"}")
			.statusCode()).isEqualTo(201);
		for (int other : List.of(1, 2)) {
			assertThat(mcpServers(other)).contains("replica-tools");
		}
		conversation(replicas.replica(2), "alice", "Which tools? (asked on replica 2)");
		assertThat(sentToLlamaStack("asked on replica 2").path("tools").findValuesAsString("server_url")).contains(url);

		assertThat(replicas.replica(1).send("DELETE", "/v1/mcp-servers/replica-tools?user_id=bob").statusCode())
			.isEqualTo(403);
		assertThat(replicas.replica(1).send("DELETE", "/v1/mcp-servers/replica-tools?user_id=alice").statusCode())
			.isEqualTo(200);
		for (int other : List.of(0, 2)) {
			assertThat(mcpServers(other)).doesNotContain("replica-tools");
		}
		conversation(replicas.replica(0), "alice", "Which tools now? (asked on replica 0)");
		assertThat(sentToLlamaStack("now? (asked on replica 0)").path("tools").findValuesAsString("server_url"))
			.doesNotContain(url);
	}

	@Test
	@Order(6)
	void feedbackAndTranscriptsWrittenByEveryReplicaAtOnceAreAllKept() throws Exception {
		SharedFiles.check(replicas);
	}

	@Test
	@Order(7)
	void anInterruptThatLandsOnAnotherReplicaStopsTheStream() throws Exception {
		CrossReplicaInterrupt.check(replicas);
	}

	@Test
	@Order(8)
	void aReplicaKilledUnderLoadLosesNoAcknowledgedRecordAndItsClientsGoOnOnTheOthers() throws Exception {
		KillUnderLoad.check(replicas, 2);
	}

	private static List<String> mcpServers(int replica) {
		return json(replicas.replica(replica).send("GET", "/v1/mcp-servers?user_id=alice")).path("servers")
			.findValuesAsString("name");
	}

	private static String conversation(ApplicationClient app, String user, String question) {
		HttpResponse<String> answer = query(app, user, question, null);
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		return json(answer).path("conversation_id").stringValue();
	}

	private static HttpResponse<String> query(ApplicationClient app, String user, String question,
			@Nullable String conversationId) {
		ObjectNode body = JSON.createObjectNode().put("query", question);
		if (conversationId != null) {
			body.put("conversation_id", conversationId);
		}
		return app.send("POST", "/v1/query?user_id=" + user, body.toString());
	}

	static String question(String text) {
		return JSON.createObjectNode().put("query", text).toString();
	}

	private static JsonNode sentToLlamaStack(String text) {
		return replicas.llamaStack.getAllServeEvents()
			.stream()
			.map((event) -> event.getRequest())
			.filter((request) -> request.getUrl().equals("/v1/responses") && request.getBodyAsString().contains(text))
			.map((request) -> JSON.readTree(request.getBodyAsString()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("Llama Stack was not asked: " + text));
	}

	static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

}
