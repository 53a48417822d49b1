package dev.lightspeed.stack.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Backstage (RHDH Lightspeed plugin) user against a real Llama Stack, with the plugin's
 * own requests (real-clients §1.3): noop authentication and
 * {@code ?user_id=user%3Adefault%2Fguest} on every call, the model and provider picked
 * from {@code /v1/models} as the plugin picks them, query bodies with {@code attachments}
 * and {@code media_type}, an empty {@code MCP-HEADERS}, then the sidebar's
 * {@code /v2/conversations} calls: list, history, rename (PUT) and delete. Transcripts
 * land where LCS 0.2.0 puts them, {@code user:default/guest/<conversation>/}. Nothing
 * here depends on the Llama Stack generation or on the LLM stand-in's words.
 */
class BackstageE2E {

	private static final String USER = "user:default/guest";

	private static final String AS_USER = "?user_id=user%3Adefault%2Fguest";

	private static final Map<String, String> NO_MCP_TOKEN = Map.of("MCP-HEADERS", "");

	private static final String CONFIGURATION = "authentication:\n  module: noop\n";

	@Test
	void aBackstageUserChatsFindsTheChatInTheSidebarRenamesAndDeletesIt() throws Exception {
		try (LightspeedService service = LightspeedService.start(
				LightspeedService.configuration("e2e-backstage", LightspeedService.userDataAndMcp() + CONFIGURATION))) {
			chatRenameAndDelete(service, new Http(service.url()));
		}
	}

	private static void chatRenameAndDelete(LightspeedService service, Http http) throws Exception {
		// the plugin offers the LLMs of /v1/models and sends provider_resource_id as the
		// model
		JsonNode llm = Http.json(http.get("/v1/models"))
			.path("models")
			.valueStream()
			.filter((model) -> model.path("model_type").asString().equals("llm"))
			.findFirst()
			.orElseThrow();
		String model = llm.path("provider_resource_id").asString();
		String provider = llm.path("provider_id").asString();
		assertThat(Http.json(http.get("/v1/feedback/status" + AS_USER)).path("status").path("enabled").asBoolean())
			.isTrue();
		assertThat(http.get("/v1/shields").statusCode()).isEqualTo(200);

		HttpResponse<InputStream> stream = http.postStreaming("/v1/streaming_query" + AS_USER, """
				{"model": "%s", "provider": "%s", "query": "What is Backstage?", "attachments": [],
				 "media_type": "application/json"}""".formatted(model, provider), NO_MCP_TOKEN);
		assertThat(stream.statusCode()).isEqualTo(200);
		List<JsonNode> events;
		try (InputStream body = stream.body()) {
			events = SseParsers.rejectingEmptyBlocks(body);
		}
		assertThat(SseParsers.names(events)).startsWith("start").endsWith("end").doesNotContain("error");
		String answer = SseParsers.answer(events);
		assertThat(answer).isNotBlank();
		String id = events.getFirst().path("data").path("conversation_id").asString();
		Path transcripts = service.dir().resolve("transcripts/user:default/guest/" + id);
		await().atMost(Duration.ofSeconds(10)).until(() -> transcripts(transcripts).size() == 1);

		HttpResponse<String> followUp = http.post("/v1/query" + AS_USER, """
				{"conversation_id": "%s", "model": "%s", "provider": "%s", "query": "And its catalog?",
				 "attachments": [{"attachment_type": "api object", "content_type": "application/yaml",
				                  "content": "kind: Component"}],
				 "media_type": "application/json"}""".formatted(id, model, provider), NO_MCP_TOKEN);
		assertThat(followUp.statusCode()).isEqualTo(200);
		assertThat(Http.json(followUp).path("conversation_id").asString()).isEqualTo(id);
		List<JsonNode> written = transcripts(transcripts).stream().map(BackstageE2E::read).toList();
		assertThat(written).hasSize(2)
			.allSatisfy((transcript) -> assertThat(transcript.at("/metadata/user_id").asString()).isEqualTo(USER));
		assertThat(written).anySatisfy((transcript) -> {
			assertThat(transcript.path("redacted_query").asString()).isEqualTo("What is Backstage?");
			assertThat(transcript.path("llm_response").asString()).isEqualTo(answer);
		});
		assertThat(written).anySatisfy((transcript) -> assertThat(transcript.at("/attachments/0/content").asString())
			.isEqualTo("kind: Component"));
		assertThat(service.log()).doesNotContain("Transcript not stored");

		assertThat(http.post("/v1/feedback" + AS_USER, """
				{"conversation_id": "%s", "user_question": "What is Backstage?", "llm_response": "%s",
				 "user_feedback": "", "sentiment": 1}""".formatted(id, "an answer")).statusCode()).isEqualTo(200);

		assertThat(sidebar(http)).containsKey(id);
		JsonNode history = Http.json(http.get("/v2/conversations/" + id + AS_USER)).path("chat_history");
		assertThat(history.size()).isEqualTo(2);
		assertThat(history.get(0).path("messages").get(1).path("content").asString()).isEqualTo(answer);
		assertThat(history.get(1).path("model").asString()).isEqualTo(model);
		// what the plugin turns into a date (new Date(started_at)), in LCS's form
		assertThat(history.get(0).path("started_at").asString())
			.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?Z");

		HttpResponse<String> rename = http.put("/v2/conversations/" + id + AS_USER,
				"{\"topic_summary\": \"Backstage basics\"}");
		assertThat(rename.statusCode()).isEqualTo(200);
		assertThat(Http.json(rename).path("success").asBoolean()).isTrue();
		assertThat(sidebar(http)).containsEntry(id, "Backstage basics");

		assertThat(http.delete("/v2/conversations/" + id + AS_USER).statusCode()).isEqualTo(200);
		assertThat(sidebar(http)).doesNotContainKey(id);
		assertThat(http.get("/v2/conversations/" + id + AS_USER).statusCode()).isEqualTo(404);
		// transcripts are the exporter's, not the conversation's: they stay
		assertThat(transcripts(transcripts)).hasSize(2);
	}

	/** The sidebar: conversation id to topic summary, as the plugin lists them. */
	private static Map<String, String> sidebar(Http http) throws Exception {
		HttpResponse<String> list = http.get("/v2/conversations" + AS_USER);
		assertThat(list.statusCode()).isEqualTo(200);
		return Http.json(list)
			.path("conversations")
			.valueStream()
			.collect(Collectors.toMap((c) -> c.path("conversation_id").asString(),
					(c) -> c.path("topic_summary").asString("")));
	}

	private static List<Path> transcripts(Path dir) throws Exception {
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".json")).toList();
		}
	}

	private static JsonNode read(Path file) {
		try {
			return Http.JSON.readTree(Files.readString(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
