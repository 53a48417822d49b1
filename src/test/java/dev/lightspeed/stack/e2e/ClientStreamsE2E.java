package dev.lightspeed.stack.e2e;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The streams real clients read ({@link SseParsers#CLIENTS}, the RHDH plugin's reader
 * among them), on every generation, each read live by every reader: an answer with an MCP
 * tool call and its result (the 1.2+ plugin's tool card), an answer that breaks off with
 * an error, and an answer the user stops (the 2.x plugin's Stop button:
 * {@code POST /v1/streaming_query/interrupt} with the {@code request_id} of
 * {@code start}, then {@code interrupted} and {@code end}).
 */
class ClientStreamsE2E {

	private static final Generation GENERATION = Generation.current();

	private static final Pattern FIRST_WORDS = Pattern
		.compile("\"request_id\": \"([^\"]+)\"[\\s\\S]*\"role\": \"inference\", \"token\": \"[^\"]+\"");

	@RegisterExtension
	static final RunningService SERVICE = new RunningService("e2e-clients", LightspeedService::userDataAndMcp);

	@Test
	void everyClientReadsAToolCallItsResultAndTheAnswerAlike() throws Exception {
		List<JsonNode> events = readByEveryClient("Please use the tool list_pods in namespace demo");
		JsonNode call = first(events, "tool_call", (data) -> data.path("token").has("tool_name"));
		assertThat(call.path("token").path("tool_name").asString()).isEqualTo("list_pods");
		assertThat(call.path("token").path("arguments").toString()).isEqualTo("{\"namespace\":\"demo\"}");
		assertThat(call.path("name").asString()).isEqualTo("list_pods");
		JsonNode result = first(events, "tool_result", (data) -> true);
		// the plugin puts the result on the card of the call with the same id
		assertThat(result.path("id")).isEqualTo(call.path("id"));
		assertThat(result.path("status").asString()).isEqualTo("success");
		assertThat(result.path("content").asString()).isEqualTo("pod-a, pod-b in demo");
		assertThat(SseParsers.answer(events)).contains("pod-a, pod-b in demo");
		assertThat(SseParsers.names(events)).endsWith("turn_complete", "end").doesNotContain("error");
	}

	@Test
	void everyClientReadsAnAnswerThatBreaksOffWithAnError() throws Exception {
		List<JsonNode> events = readByEveryClient("please fail-midstream now");
		assertThat(SseParsers.answer(events)).as("the answer until it broke off").isNotBlank();
		JsonNode error = first(events, "error", (data) -> true);
		assertThat(error.path("status_code").asInt()).isEqualTo(500);
		assertThat(error.path("cause").asString()).isNotBlank().isEqualTo(error.path("token").asString());
		assertThat(SseParsers.names(events)).endsWith("error", "end").doesNotContain("turn_complete");
	}

	@Test
	void everyClientReadsAnAnswerTheUserStopped() throws Exception {
		HttpResponse<InputStream> response = SERVICE.http()
			.postStreaming("/v1/streaming_query", "{\"query\":\"slow-answer please\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		LiveStream stream;
		try (InputStream body = response.body(); ExecutorService reader = Executors.newVirtualThreadPerTaskExecutor()) {
			Tap tap = new Tap(body);
			Future<LiveStream> read = reader.submit(() -> LiveStream.read(tap, SseParsers.CLIENTS));
			// the plugin's Stop button, once the first words are on screen
			String requestId = await().atMost(Duration.ofSeconds(30))
				.until(tap::firstWordsRequestId, (id) -> !id.isEmpty());
			HttpResponse<String> interrupt = SERVICE.http()
				.post("/v1/streaming_query/interrupt", "{\"request_id\": \"" + requestId + "\"}");
			assertThat(interrupt.statusCode()).as(interrupt.body()).isEqualTo(200);
			assertThat(Http.json(interrupt).path("interrupted").asBoolean()).isTrue();
			stream = read.get(30, TimeUnit.SECONDS);
		}
		List<JsonNode> events = agreed(stream);
		assertThat(SseParsers.names(events)).endsWith("turn_complete", "interrupted", "end").doesNotContain("error");
		assertThat(first(events, "interrupted", (data) -> true).path("request_id"))
			.isEqualTo(events.getFirst().path("data").path("request_id"));
		String answer = SseParsers.answer(events);
		assertThat(answer).endsWith("*Response stopped by the user.*");
		assertThat(first(events, "turn_complete", (data) -> true).path("token").asString()).isEqualTo(answer);

		String id = events.getFirst().path("data").path("conversation_id").asString();
		JsonNode history = Http.json(SERVICE.http().get("/v1/conversations/" + id)).path("chat_history");
		if (GENERATION.has(Generation.Capability.INTERRUPTED_TURN_IN_HISTORY)) {
			assertThat(history.get(0).path("messages").get(1).path("content").asString()).isEqualTo(answer);
		}
		else {
			assertThat(history).as(GENERATION.lacks(Generation.Capability.INTERRUPTED_TURN_IN_HISTORY)).isEmpty();
		}
	}

	private static List<JsonNode> readByEveryClient(String question) throws Exception {
		HttpResponse<InputStream> response = SERVICE.http()
			.postStreaming("/v1/streaming_query", "{\"query\":\"" + question + "\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		try (InputStream body = response.body()) {
			return agreed(LiveStream.read(body, SseParsers.CLIENTS));
		}
	}

	// every reader saw the same events, from start to end
	private static List<JsonNode> agreed(LiveStream stream) {
		List<JsonNode> events = stream.events().get("strict blocks");
		assertThat(stream.events()).allSatisfy((parser, read) -> assertThat(read).as(parser).isEqualTo(events));
		assertThat(SseParsers.names(events)).as(stream.body()).startsWith("start").endsWith("end");
		return events;
	}

	private static JsonNode first(List<JsonNode> events, String name, java.util.function.Predicate<JsonNode> data) {
		return events.stream()
			.filter((event) -> event.path("event").asString().equals(name) && data.test(event.path("data")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + name + " event in " + events))
			.path("data");
	}

	/** Keeps a copy of what has been read, for a look at the stream while it goes on. */
	private static final class Tap extends FilterInputStream {

		private final ByteArrayOutputStream seen = new ByteArrayOutputStream();

		Tap(InputStream in) {
			super(in);
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				synchronized (this.seen) {
					this.seen.write(buffer, offset, n);
				}
			}
			return n;
		}

		// the request id once an inference token with text has arrived, else ""
		String firstWordsRequestId() {
			String text;
			synchronized (this.seen) {
				text = this.seen.toString(StandardCharsets.UTF_8);
			}
			Matcher matcher = FIRST_WORDS.matcher(text);
			return matcher.find() ? matcher.group(1) : "";
		}

	}

}
