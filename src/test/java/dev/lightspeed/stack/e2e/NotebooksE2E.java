package dev.lightspeed.stack.e2e;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The RHDH plugin's Notebooks against a real Llama Stack, call for call as its backend
 * 2.9 makes them: the notebook is a vector store created under the plugin's own identity
 * (no {@code ?user_id=}) naming its user in the metadata, a text file uploaded as
 * multipart and attached, a chat through {@code POST /v1/responses?user_id=} with
 * {@code file_search} over the store that answers from the file's text, then the file and
 * the store deleted. On the Agents generation (0.2.x) the stores and files work through
 * Llama Stack's {@code /v1/openai/v1} routes and the chat is a 501 naming 0.3.0.
 */
class NotebooksE2E {

	private static final String USER = "user%3Adefault%2Fguest";

	private static final String TEXT = "Scaling: run oc scale deployment/web --replicas=3 to scale the web tier.";

	private static final Pattern CONVERSATION = Pattern
		.compile("\"conversation\":\"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\"");

	private static LightspeedService service;

	private static Http lightspeed;

	@BeforeAll
	static void start() throws Exception {
		service = LightspeedService.start(LightspeedService.configuration("e2e-notebooks", """
				user_data_collection:
				  transcripts_enabled: true
				  transcripts_storage: ${DIR}/transcripts
				"""));
		lightspeed = new Http(service.url());
	}

	@AfterAll
	static void stop() {
		if (service != null) {
			service.close();
		}
	}

	private static boolean agentsGeneration() {
		String generation = System.getenv("LCS_E2E_LS_VERSION");
		return generation == null || generation.startsWith("0.2.");
	}

	@Test
	void aNotebookIsCreatedFilledAskedAndDeleted() throws Exception {
		HttpResponse<String> created = lightspeed.post("/v1/vector-stores",
				"{\"name\":\"e2e-notebook\",\"metadata\":{\"user_id\":\"user:default/guest\",\"name\":\"e2e\"}}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
		String store = Http.json(created).path("id").asString();
		assertThat(store).startsWith("vs_");

		HttpResponse<String> uploaded = upload("notes", TEXT);
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
		String file = Http.json(uploaded).path("id").asString();
		assertThat(Http.json(uploaded).path("filename").asString()).isEqualTo("notes.txt");

		HttpResponse<String> attached = lightspeed.post("/v1/vector-stores/" + store + "/files", """
				{"file_id":"%s","attributes":{"title":"notes","source_type":"text"},
				 "chunking_strategy":{"type":"auto"}}""".formatted(file));
		assertThat(attached.statusCode()).as(attached.body()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> "completed".equals(Http.json(lightspeed.get("/v1/vector-stores/" + store + "/files/" + file))
				.path("status")
				.asString()));
		assertThat(lightspeed.get("/v1/vector-stores?user_id=someone-else").body()).doesNotContain(store);
		assertThat(lightspeed.get("/v1/vector-stores").body()).contains(store);

		String chat = """
				{"input": "Search the docs for scaling", "instructions": "Answer from the notebook's documents",
				 "tools": [{"type": "file_search", "vector_store_ids": ["%s"]}], "tool_choice": "required",
				 "model": "openai/fake-model", "stream": true, "temperature": 0.35, "shield_ids": [],
				 "max_tool_calls": 15%%s}""".formatted(store);
		if (agentsGeneration()) {
			HttpResponse<String> refused = lightspeed.post("/v1/responses?user_id=" + USER, chat.formatted(""));
			assertThat(refused.statusCode()).isEqualTo(501);
			assertThat(refused.body()).contains("needs Llama Stack 0.3.0 or later");
		}
		else {
			String conversation = answered(lightspeed.post("/v1/responses?user_id=" + USER, chat.formatted("")), file);
			answered(lightspeed.post("/v1/responses?user_id=" + USER,
					chat.formatted(",\"conversation\":\"" + conversation + "\"")), file);
			assertThat(lightspeed.get("/v2/conversations?user_id=" + USER).body()).contains(conversation);
			assertThat(lightspeed.post("/v1/responses?user_id=someone-else", chat.formatted("")).statusCode())
				.isEqualTo(404);
		}

		assertThat(lightspeed.delete("/v1/vector-stores/" + store + "/files/" + file).statusCode()).isEqualTo(204);
		assertThat(lightspeed.delete("/v1/files/" + file).statusCode()).isEqualTo(204);
		assertThat(lightspeed.delete("/v1/vector-stores/" + store).statusCode()).isEqualTo(204);
		assertThat(lightspeed.get("/v1/vector-stores/" + store).statusCode()).isEqualTo(404);
	}

	// the stream in OpenAI's framing, answered from the file's text, which the search
	// returned as the uploaded file's, in a conversation known by this service's id
	private static String answered(HttpResponse<String> response, String file) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).startsWith("event: response.created\ndata: ")
			.contains("event: response.completed\ndata: ", "oc scale deployment/web")
			.contains("\"type\":\"file_search_call\"", "\"file_id\":\"" + file + "\"")
			.endsWith("data: [DONE]\n\n");
		Matcher conversation = CONVERSATION.matcher(response.body());
		assertThat(conversation.find()).as(response.body()).isTrue();
		return conversation.group(1);
	}

	// as the plugin uploads: the file part first, as text/plain, then purpose
	private static HttpResponse<String> upload(String filename, String content) throws Exception {
		String boundary = "notebook-upload";
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: text/plain\r\n\r\n" + content + "\r\n--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nassistants\r\n--" + boundary + "--\r\n")
			.getBytes(StandardCharsets.UTF_8));
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(service.url() + "/v1/files"))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
				.timeout(Duration.ofSeconds(60))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}
