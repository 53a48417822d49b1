package dev.lightspeed.stack.replicas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feedback and transcripts written at once by every replica into one shared directory: as
 * many files as requests answered 200, each whole JSON, none written over another (each
 * holds its own request's text).
 */
final class SharedFiles {

	private static final int CLIENTS = 12;

	private static final int REQUESTS = 5;

	private static final String USER = "writer";

	private SharedFiles() {
	}

	static void check(ReplicaSet replicas) throws Exception {
		int[] before = replicas.served();
		List<QueryLoad.Outcome> questions = QueryLoad
			.start(replicas.proxied(), "/v1/query?user_id=" + USER, CLIENTS, REQUESTS,
					(client, n) -> ReplicasIT.question(questionText(client, n)))
			.outcomes();
		assertThat(questions).allMatch(QueryLoad.Outcome::acknowledged);
		List<QueryLoad.Outcome> feedback = QueryLoad
			.start(replicas.proxied(), "/v1/feedback?user_id=" + USER, CLIENTS, REQUESTS,
					(client, n) -> ReplicasIT.JSON.createObjectNode()
						.put("conversation_id", questions.get(client * REQUESTS + n).conversationId())
						.put("user_question", questionText(client, n))
						.put("llm_response", "the answer")
						.put("user_feedback", feedbackText(client, n))
						.toString())
			.outcomes();
		assertThat(feedback).allMatch(QueryLoad.Outcome::acknowledged);
		int[] after = replicas.served();
		int[] served = IntStream.range(0, after.length).map((i) -> after[i] - before[i]).toArray();
		assertThat(served).doesNotContain(0);

		List<JsonNode> transcripts = read(ReplicaSet.jsonFiles(replicas.transcripts.resolve(USER)));
		assertThat(transcripts).extracting((transcript) -> transcript.path("redacted_query").stringValue())
			.containsExactlyInAnyOrderElementsOf(texts(SharedFiles::questionText));
		List<JsonNode> feedbackFiles = read(ReplicaSet.jsonFiles(replicas.feedback)).stream()
			.filter((file) -> USER.equals(file.path("user_id").stringValue()))
			.toList();
		assertThat(feedbackFiles).extracting((file) -> file.path("user_feedback").stringValue())
			.containsExactlyInAnyOrderElementsOf(texts(SharedFiles::feedbackText));
		System.out.printf(
				"replicas: shared files: %d questions and %d feedback from %d clients at once, served per "
						+ "replica %s; %d transcripts and %d feedback files, all whole and distinct%n",
				questions.size(), feedback.size(), CLIENTS, Arrays.toString(served), transcripts.size(),
				feedbackFiles.size());
	}

	private static String questionText(int client, int n) {
		return "Question " + n + " of client " + client;
	}

	private static String feedbackText(int client, int n) {
		return "Feedback " + n + " of client " + client;
	}

	private static List<String> texts(Text text) {
		return IntStream.range(0, CLIENTS)
			.boxed()
			.flatMap((client) -> IntStream.range(0, REQUESTS).mapToObj((n) -> text.of(client, n)))
			.toList();
	}

	private static List<JsonNode> read(List<Path> files) throws Exception {
		return files.stream().map((file) -> ReplicasIT.JSON.readTree(readString(file))).toList();
	}

	private static String readString(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@FunctionalInterface
	private interface Text {

		String of(int client, int n);

	}

}
