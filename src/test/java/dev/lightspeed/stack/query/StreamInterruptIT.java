package dev.lightspeed.stack.query;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.llamastack.TurnEvent;
import dev.lightspeed.stack.support.ApplicationClient;
import dev.lightspeed.stack.support.ConnectedLlamaStack;
import dev.lightspeed.stack.support.LiveStream;
import dev.lightspeed.stack.support.ScriptedLlamaStack;
import dev.lightspeed.stack.support.TestConfigurations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
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

	private static final String ALICE = "alice";

	private static final String CAROL = "carol";

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
		LiveStream stream = LiveStream.open(app, ALICE, "{\"query\":\"slow\"}");
		JsonNode start = stream.next();
		String requestId = start.at("/data/request_id").stringValue();
		assertThat(start.at("/event").stringValue()).isEqualTo("start");
		// the answer so far holds two tokens before Stop is pressed
		while (!"tok1 ".equals(stream.next().at("/data/token").stringValue(""))) {
			// the turn's start and first tokens
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

		List<JsonNode> rest = stream.rest();
		assertThat(rest).extracting((event) -> event.at("/event").stringValue())
			.endsWith("token", "turn_complete", "interrupted", "end")
			.doesNotContain("error")
			.hasSizeLessThan(150);
		assertThat(rest.get(rest.size() - 4).at("/data/token").stringValue())
			.isEqualTo("\n\n*Response stopped by the user.*");
		assertThat(rest.get(rest.size() - 3).at("/data/token").stringValue()).startsWith("tok0 tok1 ")
			.endsWith("\n\n*Response stopped by the user.*");
		assertThat(rest.get(rest.size() - 2).at("/data/request_id").stringValue()).isEqualTo(requestId);
		assertThat(this.llamaStack.lastStreamClosed()).isTrue();
		assertThat(this.llamaStack.interruptedTurns()).singleElement()
			.satisfies((partial) -> assertThat(partial).startsWith("tok0 tok1 ")
				.endsWith("\n\n*Response stopped by the user.*"));
		// the transcript is written after the end event
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			try (Stream<Path> files = Files.walk(directory.resolve("transcripts").resolve(ALICE))) {
				assertThat(files.filter((file) -> file.toString().endsWith(".json")).toList()).singleElement()
					.satisfies(
							(file) -> assertThat(Files.readString(file)).contains("*Response stopped by the user.*"));
			}
		});
		assertThat(app.send("POST", "/v1/streaming_query/interrupt?user_id=" + ALICE, body).statusCode())
			.isEqualTo(404);
	}

	@Test
	void aStopThatComesOnceTheAnswerIsCompleteChangesNothing() throws Exception {
		// the upstream stream goes on a moment after the answer (OGX's second
		// response.completed, the end of the body): the Stop button is pressed then
		this.llamaStack.withDelayPerEvent(300)
			.answering(new TurnEvent.StepStarted("inference"), new TurnEvent.TextDelta("All done."),
					new TurnEvent.TurnCompleted("All done."), new TurnEvent.Other("trailing"));
		int interruptedBefore = this.llamaStack.interruptedTurns().size();
		ApplicationClient app = ApplicationClient.http(this.port);
		LiveStream stream = LiveStream.open(app, CAROL, "{\"query\":\"quick\"}");
		String requestId = stream.next().at("/data/request_id").stringValue();
		while (!"turn_complete".equals(stream.next().at("/event").stringValue())) {
			// the answer
		}
		app.send("POST", "/v1/streaming_query/interrupt?user_id=" + CAROL, "{\"request_id\":\"" + requestId + "\"}");

		assertThat(stream.rest()).extracting((event) -> event.at("/event").stringValue())
			.endsWith("end")
			.doesNotContain("turn_complete", "interrupted", "error");
		assertThat(this.llamaStack.interruptedTurns()).hasSize(interruptedBefore);
	}

	@TestConfiguration(proxyBeanMethods = false)
	@Import(ConnectedLlamaStack.class)
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
