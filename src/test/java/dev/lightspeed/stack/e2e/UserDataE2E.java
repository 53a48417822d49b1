package dev.lightspeed.stack.e2e;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import dev.lightspeed.stack.support.FakeIngress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole round of user data against a real Llama Stack (each generation) with the
 * conversation store on PostgreSQL (the throw-away server {@code e2e/run-tests.sh}
 * starts): a query writes its transcript, feedback is stored, both history APIs show the
 * conversation and its generated topic summary, and the data collector uploads the files
 * to an ingress server (here a stand-in) and removes them.
 */
class UserDataE2E {

	private static final Generation GENERATION = Generation.current();

	private static final String TOKEN = "e2e-ingress-token";

	private static final String USER = "erin";

	private static final String NAMESPACE = "e2e_" + UUID.randomUUID().toString().replace("-", "");

	private static FakeIngress ingress;

	private static LightspeedService service;

	private static Http http;

	@BeforeAll
	static void start() throws Exception {
		ingress = FakeIngress.start();
		// refuses until the files have been looked at: the collector must keep them and
		// retry
		ingress.refusing(true);
		service = LightspeedService.start(("""
				name: e2e-user-data
				service:
				  host: 127.0.0.1
				  port: ${PORT}
				llama_stack:
				  url: %s
				user_data_collection:
				  feedback_enabled: true
				  feedback_storage: ${DIR}/data/feedback
				  transcripts_enabled: true
				  transcripts_storage: ${DIR}/data/transcripts
				  data_collector:
				    enabled: true
				    ingress_server_url: %s
				    ingress_server_auth_token: %s
				    ingress_content_service_name: lightspeed-e2e
				    collection_interval: 1
				    cleanup_after_send: true
				    connection_timeout_seconds: 5
				database:
				  postgres:
				    host: %s
				    port: %s
				    db: %s
				    user: %s
				    password: %s
				    namespace: %s
				    ssl_mode: disable
				""" + LightspeedService.defaultModel()).formatted(E2eEnvironment.llamaStackUrl(), ingress.url(), TOKEN,
				postgres("HOST"), postgres("PORT"), postgres("DB"), postgres("USER"), postgres("PASSWORD"), NAMESPACE));
		http = new Http(service.url());
	}

	@AfterAll
	static void stop() {
		if (service != null) {
			service.close();
		}
		if (ingress != null) {
			ingress.close();
		}
	}

	@Test
	void queryFeedbackHistoryTopicSummaryAndUpload() throws Exception {
		JsonNode answer = Http.json(http.post("/v1/query?user_id=" + USER, "{\"query\":\"What is OpenShift?\"}"));
		String id = answer.path("conversation_id").asString();
		assertThat(answer.path("response").asString()).isNotBlank();

		Path transcripts = service.dir().resolve("data/transcripts/" + USER + "/" + id);
		List<Path> transcriptFiles = list(transcripts);
		assertThat(transcriptFiles).singleElement()
			.satisfies((file) -> assertThat(Http.JSON.readTree(Files.readString(file)).path("llm_response").asString())
				.isEqualTo(answer.path("response").asString()));

		HttpResponse<String> feedback = http.post("/v1/feedback?user_id=" + USER, """
				{"conversation_id":"%s","user_question":"What is OpenShift?","llm_response":"x","sentiment":1}"""
			.formatted(id));
		assertThat(feedback.statusCode()).isEqualTo(200);
		List<Path> feedbackFiles = list(service.dir().resolve("data/feedback"));
		assertThat(feedbackFiles).hasSize(1);

		JsonNode v1 = Http.json(http.get("/v1/conversations/" + id + "?user_id=" + USER));
		assertThat(v1.path("chat_history").get(0).path("messages").get(0).path("content").asString())
			.isEqualTo("What is OpenShift?");
		JsonNode v2 = Http.json(http.get("/v2/conversations/" + id + "?user_id=" + USER));
		assertThat(v2.path("chat_history").get(0).path("model").asString()).isEqualTo(GENERATION.model());
		assertThat(v2.path("chat_history").get(0).path("provider").asString()).isEqualTo(GENERATION.provider());
		String topic = await().atMost(Duration.ofSeconds(30)).until(() -> topicSummary(id), (t) -> !t.isBlank());
		assertThat(topicSummaryInPostgres(id)).isEqualTo(topic);

		// refused uploads kept the files; once the ingress accepts, they go and are
		// removed
		await().atMost(Duration.ofSeconds(10)).until(() -> !ingress.uploads().isEmpty());
		assertThat(transcriptFiles.get(0)).exists();
		ingress.refusing(false);
		String feedbackMember = "feedback/" + feedbackFiles.get(0).getFileName();
		String transcriptMember = "transcripts/" + USER + "/" + id + "/" + transcriptFiles.get(0).getFileName();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> accepted().stream().anyMatch((m) -> m.containsKey(feedbackMember))
					&& accepted().stream().anyMatch((m) -> m.containsKey(transcriptMember)));
		FakeIngress.Upload upload = ingress.uploads()
			.stream()
			.filter((u) -> u.status() == 202)
			.findFirst()
			.orElseThrow();
		assertThat(upload.authorization()).isEqualTo("Bearer " + TOKEN);
		assertThat(upload.fileHeaders()).contains("Content-Type: application/vnd.redhat.lightspeed-e2e.periodic+tar");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(service.dir().resolve("data/transcripts/" + USER)).doesNotExist());
		assertThat(feedbackFiles.get(0)).doesNotExist();
		assertThat(service.log()).doesNotContain(TOKEN);
	}

	private static String topicSummary(String id) throws Exception {
		JsonNode list = Http.json(http.get("/v2/conversations?user_id=" + USER));
		for (JsonNode conversation : list.path("conversations")) {
			if (conversation.path("conversation_id").asString().equals(id)) {
				return conversation.path("topic_summary").asString("");
			}
		}
		return "";
	}

	private static String topicSummaryInPostgres(String id) throws Exception {
		String url = "jdbc:postgresql://" + postgres("HOST") + ":" + postgres("PORT") + "/" + postgres("DB");
		try (Connection connection = DriverManager.getConnection(url, postgres("USER"), postgres("PASSWORD"));
				PreparedStatement statement = connection.prepareStatement(
						"SELECT topic_summary FROM \"" + NAMESPACE + "\".user_conversation WHERE id = ?")) {
			statement.setString(1, id);
			try (ResultSet rows = statement.executeQuery()) {
				assertThat(rows.next()).as("conversation row in PostgreSQL").isTrue();
				return rows.getString(1);
			}
		}
	}

	/** The archives the ingress accepted. */
	private static List<Map<String, String>> accepted() throws Exception {
		List<FakeIngress.Upload> uploads = ingress.uploads();
		List<Map<String, String>> members = new ArrayList<>();
		for (FakeIngress.Upload upload : uploads) {
			if (upload.status() == 202) {
				members.add(upload.members());
			}
		}
		return members;
	}

	private static List<Path> list(Path dir) throws Exception {
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter((f) -> f.getFileName().toString().endsWith(".json")).toList();
		}
	}

	private static String postgres(String name) {
		String value = System.getenv("LCS_TEST_POSTGRES_" + name);
		if (value == null || value.isEmpty()) {
			throw new IllegalStateException(
					"LCS_TEST_POSTGRES_" + name + " is not set: run the e2e suite with make test-e2e");
		}
		return value;
	}

}
