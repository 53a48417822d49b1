package dev.lightspeed.stack.replicas;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.lightspeed.stack.support.LiveStream;
import tools.jackson.databind.JsonNode;

import static dev.lightspeed.stack.replicas.ReplicasIT.INTERRUPT;
import static dev.lightspeed.stack.replicas.ReplicasIT.question;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The RHDH plugin's Stop button when the load balancer sends the interrupt to another
 * replica than the one streaming: the stream stops there as it would for a local
 * interrupt (the answer so far kept, then {@code interrupted} and {@code end}); another
 * user gets 403 and an unknown id 404 on every replica.
 */
final class CrossReplicaInterrupt {

	private CrossReplicaInterrupt() {
	}

	static void check(ReplicaSet replicas) throws Exception {
		LiveStream stream = LiveStream.open(replicas.replica(0), "alice", question("A " + ReplicaSet.SLOW));
		String requestId = stream.next().at("/data/request_id").stringValue();
		JsonNode event = stream.next();
		while (!"token".equals(event.at("/event").stringValue())) {
			// the turn starts; the first words come
			event = stream.next();
		}
		String firstWords = event.at("/data/token").stringValue();
		String body = "{\"request_id\":\"" + requestId + "\"}";
		assertThat(replicas.replica(1).send("POST", INTERRUPT + "bob", body).statusCode()).isEqualTo(403);
		assertThat(replicas.replica(2)
			.send("POST", INTERRUPT + "alice", "{\"request_id\":\"" + UUID.randomUUID() + "\"}")
			.statusCode()).isEqualTo(404);
		HttpResponse<String> stopped = replicas.replica(1).send("POST", INTERRUPT + "alice", body);
		assertThat(stopped.statusCode()).isEqualTo(200);
		assertThat(stopped.body()).isEqualTo("{\"request_id\":\"" + requestId
				+ "\",\"interrupted\":true,\"message\":\"Streaming request interrupted\"}");
		List<JsonNode> rest = stream.rest();
		assertStopped(rest);
		assertThat(rest.get(rest.size() - 3).at("/data/token").stringValue()).startsWith(firstWords);
		assertThat(replicas.replica(2).send("POST", INTERRUPT + "alice", body).statusCode()).isEqualTo(404);
		// the answer so far is in the transcript, written after the end event
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(ReplicaSet.jsonFiles(replicas.transcripts.resolve("alice")))
				.anySatisfy((file) -> assertThat(Files.readString(file)).contains(firstWords)
					.contains("*Response stopped by the user.*")));

		// through the proxy, the interrupt goes to the replica after the stream's
		LiveStream proxied = LiveStream.open(replicas.proxied(), "alice", question("Another " + ReplicaSet.SLOW));
		String proxiedId = proxied.next().at("/data/request_id").stringValue();
		assertThat(replicas.proxied()
			.send("POST", INTERRUPT + "alice", "{\"request_id\":\"" + proxiedId + "\"}")
			.statusCode()).isEqualTo(200);
		assertStopped(proxied.rest());
	}

	private static void assertStopped(List<JsonNode> rest) {
		assertThat(rest).extracting((event) -> event.at("/event").stringValue())
			.endsWith("token", "turn_complete", "interrupted", "end")
			.doesNotContain("error");
		assertThat(rest.get(rest.size() - 3).at("/data/token").stringValue())
			.endsWith("\n\n*Response stopped by the user.*");
	}

}
