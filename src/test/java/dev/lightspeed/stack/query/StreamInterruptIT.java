package dev.lightspeed.stack.query;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.support.ApplicationClient;
import dev.lightspeed.stack.support.ScriptedLlamaStack;
import dev.lightspeed.stack.support.TestConfigurations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The RHDH plugin's Stop button on the real HTTP server: {@code start} gives the stream's
 * {@code request_id}; {@code POST /v1/streaming_query/interrupt} by its owner stops it,
 * the stream says {@code interrupted} and ends, and the answer so far is kept.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StreamInterruptIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String ALICE = "alice";

	@TempDir
	static Path directory;

	@LocalServerPort
	private int port;

	@Autowired
	private ScriptedLlamaStack llamaStack;

	@Test
	void theOwnerStopsAStreamWhichEndsWithInterruptedAndKeepsThePartialAnswer() throws Exception {
		this.llamaStack.answeringSlowly(200, 50);
		ApplicationClient app = ApplicationClient.http(this.port);
		HttpResponse<Stream<String>> stream = HttpClient.newHttpClient()
			.send(app.request("/v1/streaming_query?user_id=" + ALICE)
				.header("Content-Type", "application/json")
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"query\":\"slow\"}"))
				.build(), HttpResponse.BodyHandlers.ofLines());
		Iterator<String> lines = stream.body().iterator();
		JsonNode start = next(lines);
		String requestId = start.at("/data/request_id").stringValue();
		assertThat(start.at("/event").stringValue()).isEqualTo("start");
		assertThat(next(lines).at("/event").stringValue()).isEqualTo("token");
		// the stop comes after the second token, as the partial answer must show: the
		// requests below can all be answered before the next token is due
		while (!"tok1 ".equals(next(lines).at("/data/token").stringValue())) {
			// the tokens before it
		}

		String body = "{\"request_id\":\"" + requestId + "\"}";
		assertThat(app.send("POST", "/v1/streaming_query/interrupt?user_id=bob", body).statusCode()).isEqualTo(403);
		assertThat(app.send("POST", "/v1/streaming_query/interrupt?user_id=" + ALICE,
				"{\"request_id\":\"123e4567-e89b-12d3-a456-426614174000\"}"))
			.satisfies((unknown) -> assertThat(unknown.statusCode()).isEqualTo(404))
			.satisfies((unknown) -> assertThat(unknown.body()).isEqualTo("{\"detail\":{\"response\":\"Streaming "
					+ "Request not found\",\"cause\":\"Streaming Request with ID 123e4567-e89b-12d3-a456-426614174000 "
					+ "does not exist\"}}"));
		assertThat(app.send("POST", "/v1/streaming_query/interrupt?user_id=" + ALICE, "{\"request_id\":\"nope\"}")
			.statusCode()).isEqualTo(422);
		HttpResponse<String> stopped = app.send("POST", "/v1/streaming_query/interrupt?user_id=" + ALICE, body);
		assertThat(stopped.statusCode()).isEqualTo(200);
		assertThat(stopped.body()).isEqualTo("{\"request_id\":\"" + requestId
				+ "\",\"interrupted\":true,\"message\":\"Streaming request interrupted\"}");

		List<JsonNode> rest = new ArrayList<>();
		while (lines.hasNext()) {
			String line = lines.next();
			if (line.startsWith("data: ")) {
				rest.add(JSON.readTree(line.substring(6)));
			}
		}
		assertThat(rest).extracting((event) -> event.at("/event").stringValue())
			.endsWith("token", "interrupted", "end")
			.doesNotContain("turn_complete", "error")
			.hasSizeLessThan(150);
		assertThat(rest.get(rest.size() - 3).at("/data/token").stringValue())
			.isEqualTo("\n\n*Response stopped by the user.*");
		assertThat(rest.get(rest.size() - 2).at("/data/request_id").stringValue()).isEqualTo(requestId);
		assertThat(this.llamaStack.lastStreamClosed()).isTrue();
		assertThat(this.llamaStack.interruptedTurns()).singleElement()
			.satisfies((partial) -> assertThat(partial).startsWith("tok0 tok1 ")
				.endsWith("\n\n*Response stopped by the user.*"));
		// the transcript is written after the end event
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			try (Stream<Path> files = Files.walk(directory.resolve("transcripts"))) {
				assertThat(files.filter((file) -> file.toString().endsWith(".json")).toList()).singleElement()
					.satisfies(
							(file) -> assertThat(Files.readString(file)).contains("*Response stopped by the user.*"));
			}
		});
		assertThat(app.send("POST", "/v1/streaming_query/interrupt?user_id=" + ALICE, body).statusCode())
			.isEqualTo(404);
	}

	private static JsonNode next(Iterator<String> lines) {
		while (lines.hasNext()) {
			String line = lines.next();
			if (line.startsWith("data: ")) {
				return JSON.readTree(line.substring(6));
			}
		}
		throw new AssertionError("the stream ended early");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Backend {

		@Bean
		LightspeedConfiguration lightspeedConfiguration() {
			return TestConfigurations.application("interrupt-it", "http://127.0.0.1:9", directory, """
					user_data_collection:
					  transcripts_enabled: true
					  transcripts_storage: %s/transcripts
					""".formatted(directory));
		}

		@Bean
		@Primary
		ScriptedLlamaStack scriptedLlamaStack() {
			return new ScriptedLlamaStack();
		}

	}

}
