package dev.lightspeed.stack.replicas;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.lightspeed.stack.support.LiveStream;
import dev.lightspeed.stack.support.ServiceProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A replica killed with SIGKILL while clients send questions through the proxy: every
 * question answered 200 has its conversation row and its transcript; only questions in
 * flight on the killed replica fail, and every client's next question is answered by the
 * others; a stream the killed replica left in the database is not reported stopped.
 */
final class KillUnderLoad {

	private static final int CLIENTS = 20;

	private static final int REQUESTS = 10;

	private static final int KILL_AFTER = 60;

	private static final String USER = "load";

	private KillUnderLoad() {
	}

	static void check(ReplicaSet replicas, int victimIndex) throws Exception {
		ServiceProcess victim = replicas.replicas.get(victimIndex);
		LiveStream stream = LiveStream.open(victim.client(), "alice",
				ReplicasIT.question("A " + ReplicaSet.SLOW + " on the replica to be killed"));
		String requestId = stream.next().at("/data/request_id").stringValue();
		int[] before = replicas.served();
		QueryLoad load = QueryLoad.start(replicas.proxied(), "/v1/query?user_id=" + USER, CLIENTS, REQUESTS,
				(client, n) -> ReplicasIT.question("An " + ReplicaSet.UNHURRIED + ", " + n + " of client " + client));
		await().atMost(Duration.ofSeconds(60)).until(() -> load.done() >= KILL_AFTER);
		victim.kill();
		long dead = System.nanoTime();
		int[] atDeath = replicas.served();
		List<QueryLoad.Outcome> outcomes = load.outcomes();
		int[] after = replicas.served();

		List<QueryLoad.Outcome> acknowledged = outcomes.stream().filter(QueryLoad.Outcome::acknowledged).toList();
		List<QueryLoad.Outcome> failed = outcomes.stream().filter((outcome) -> !outcome.acknowledged()).toList();
		Set<String> rows = new HashSet<>(replicas.jdbc.sql("SELECT id FROM user_conversation WHERE user_id = :user")
			.param("user", USER)
			.query(String.class)
			.list());
		Set<String> transcribed = transcribed(replicas);
		long lost = acknowledged.stream()
			.filter((outcome) -> !rows.contains(outcome.conversationId())
					|| !transcribed.contains(outcome.conversationId()))
			.count();
		int[] served = new int[after.length];
		Arrays.setAll(served, (i) -> after[i] - before[i]);
		System.out.printf("replicas: kill -9 under load: %d questions from %d clients, served per replica %s (replica"
				+ " %d killed after %d); %d answered 200, %d failed in flight on the killed replica (statuses %s);"
				+ " records written: %d conversation rows, %d transcripts; lost = %d%n", outcomes.size(), CLIENTS,
				Arrays.toString(served), victimIndex, atDeath[victimIndex] - before[victimIndex], acknowledged.size(),
				failed.size(), failed.stream().map(QueryLoad.Outcome::status).toList(), rows.size(), transcribed.size(),
				lost);

		assertThat(lost).isZero();
		// 502: the proxy had sent the question to the replica when it died; -1: the
		// answer was cut
		assertThat(failed).hasSizeLessThanOrEqualTo(CLIENTS)
			.allMatch((outcome) -> outcome.sentAt() < dead)
			.allMatch((outcome) -> outcome.status() == 502 || outcome.status() == -1);
		assertThat(after[victimIndex]).isEqualTo(atDeath[victimIndex]);
		// once the killed process is gone, every client's next question is answered by
		// another replica (one sent while the process was still dying may have reached it
		// too, and failed with the ones in flight)
		for (QueryLoad.Outcome failure : failed) {
			outcomes.stream()
				.filter((outcome) -> outcome.client() == failure.client() && outcome.sentAt() > dead)
				.findFirst()
				.ifPresent((next) -> assertThat(next.acknowledged())
					.as("the first question of client %d after the kill", failure.client())
					.isTrue());
		}

		// the killed replica's stream is still in the table, yet no replica says it
		// stopped
		assertThat(replicas.jdbc.sql("SELECT count(*) FROM active_stream WHERE request_id = :id")
			.param("id", requestId)
			.query(Integer.class)
			.single()).isOne();
		String body = "{\"request_id\":\"" + requestId + "\"}";
		for (int i = 0; i < replicas.replicas.size(); i++) {
			if (i != victimIndex) {
				assertThat(replicas.replica(i).send("POST", ReplicasIT.INTERRUPT + "alice", body).statusCode())
					.isEqualTo(404);
			}
		}
	}

	// the conversations that have a transcript
	private static Set<String> transcribed(ReplicaSet replicas) throws Exception {
		Set<String> conversations = new HashSet<>();
		for (Path file : ReplicaSet.jsonFiles(replicas.transcripts.resolve(USER))) {
			conversations.add(file.getParent().getFileName().toString());
		}
		return conversations;
	}

}
