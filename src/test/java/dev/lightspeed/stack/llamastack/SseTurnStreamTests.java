package dev.lightspeed.stack.llamastack;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.core5.http.message.BasicClassicHttpResponse;
import dev.lightspeed.stack.llamastack.TurnEvent.TextDelta;
import dev.lightspeed.stack.support.Captures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Reading server-sent events incrementally, and ending a stream early.
 */
class SseTurnStreamTests {

	@RegisterExtension
	static WireMockExtension llamaStack = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	static EventStream exchange(String body) {
		return new EventStream(new HttpPost("/"), new BasicClassicHttpResponse(200),
				new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
	}

	private static List<TurnEvent> read(String body) {
		SseTurnStream stream = new SseTurnStream(exchange(body),
				(data) -> List.of(new TextDelta(new String(data, StandardCharsets.UTF_8))));
		List<TurnEvent> events = new ArrayList<>();
		for (TurnEvent event = stream.next(); event != null; event = stream.next()) {
			events.add(event);
		}
		return events;
	}

	@Test
	void eachEventsDataLinesShouldBeJoinedWithNewlines() {
		assertThat(read("data: one\n\ndata: two\ndata:three\n\n")).containsExactly(new TextDelta("one"),
				new TextDelta("two\nthree"));
	}

	@Test
	void crlfLinesCommentsAndOtherFieldsShouldBeTolerated() {
		assertThat(read(": keep-alive\r\nevent: message\r\nid: 1\r\ndata: a\r\n\r\nretry: 5\r\n\r\ndata: b"))
			.containsExactly(new TextDelta("a"), new TextDelta("b"));
	}

	@Test
	void dataThatIsNotJsonShouldBeSkipped() {
		SseTurnStream stream = new SseTurnStream(
				exchange("data: [DONE\n\ndata: {\"event\":{\"payload\":{\"event_type\":\"turn_complete\","
						+ "\"turn\":{\"output_message\":{\"content\":\"x\"}}}}}\n\n"),
				AgentTurnEvents::map);

		assertThat(stream.next()).isEqualTo(new TurnEvent.TurnCompleted("x"));
		assertThat(stream.next()).isNull();
	}

	@Test
	void nothingShouldFollowAStreamFailure() {
		SseTurnStream stream = new SseTurnStream(exchange("data: x\n\ndata: y\n\n"), (data) -> List
			.of(new TurnEvent.StreamFailed(new String(data, StandardCharsets.UTF_8)), new TextDelta("after")));

		assertThat(stream.next()).isEqualTo(new TurnEvent.StreamFailed("x"));
		assertThat(stream.next()).isNull();
	}

	@Test
	void aBrokenChunkMidStreamShouldBeAnInvalidReply() {
		llamaStack.stubFor(
				post("/v1/agents/a/session/s/turn").willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));

		TurnStream stream = TestClients.agents(llamaStack.baseUrl(), null)
			.streamTurn(new Conversation("a", "s"), TurnInputs.of("q"));

		assertThatExceptionOfType(LlamaStackUnavailableException.class).isThrownBy(stream::next)
			.satisfies((ex) -> assertThat(ex.getMessage()).startsWith("Invalid reply from Llama Stack"));
		stream.close();
	}

	@Test
	void closeMidStreamShouldReturnPromptlyAndLeaveTheClientUsable() {
		stubSlowTurn();
		llamaStack.stubFor(get("/v1/shields").willReturn(okJson("{\"data\": [{\"identifier\": \"g\"}]}")));
		AgentsApiBackend backend = TestClients.agents(llamaStack.baseUrl(), null);
		TurnStream stream = backend.streamTurn(new Conversation("a", "s"), TurnInputs.of("q"));
		assertThat(stream.next()).isNotNull();

		long started = System.nanoTime();
		stream.close();
		assertThat(stream.next()).isNull();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));

		assertThat(backend.shields()).extracting(Shield::identifier).containsExactly("g");
	}

	@Test
	void closeFromAnotherThreadShouldReleaseAReaderBlockedInNext() throws Exception {
		stubSlowTurn();
		TurnStream stream = TestClients.agents(llamaStack.baseUrl(), null)
			.streamTurn(new Conversation("a", "s"), TurnInputs.of("q"));
		CompletableFuture<Integer> reader = CompletableFuture.supplyAsync(() -> {
			int count = 0;
			while (stream.next() != null) {
				count++;
			}
			return count;
		});
		Thread.sleep(300);

		long started = System.nanoTime();
		stream.close();
		int read = reader.get(2, TimeUnit.SECONDS);

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
		// the turn ends with 15 events; closing cut it short
		assertThat(read).isLessThan(15);
	}

	private void stubSlowTurn() {
		byte[] body = Captures.of("plain.sse");
		// 20 pieces over 20 seconds: a slow model
		llamaStack.stubFor(post("/v1/agents/a/session/s/turn")
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
				.withBody(body)
				.withChunkedDribbleDelay(20, 20000)));
	}

}
