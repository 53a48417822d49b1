package dev.lightspeed.stack;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.support.ApplicationClient;
import dev.lightspeed.stack.support.Captures;
import dev.lightspeed.stack.support.LlamaStackStub;
import dev.lightspeed.stack.support.TestConfigurations;
import dev.lightspeed.stack.support.WireMockLlamaStack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that once made the service answer 500 or accept what it should not (issue 32):
 * each is now a 4xx in LCS's shape, decided before Llama Stack is asked anything.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileInputIT {

	private static final String TURN = "/v1/agents/[^/]+/session/s/turn";

	private static final String FEEDBACK = """
			{"conversation_id": "%s", "user_question": "q", "llm_response": "a", "sentiment": %s}""";

	@RegisterExtension
	static final LlamaStackStub llamaStack = LlamaStackStub.answeringQueries();

	@TempDir
	static Path directory;

	private ApplicationClient app;

	@BeforeEach
	void connect(@LocalServerPort int port) {
		llamaStack.resetRequests();
		this.app = ApplicationClient.http(port);
	}

	@Test
	void aMultipartTypeWithoutBoundaryIsReadLikeAnyOtherBody() {
		HttpResponse<String> liveness = this.app
			.send(this.app.request("/liveness").header("Content-Type", "multipart/form-data").GET());
		assertThat(liveness.statusCode()).isEqualTo(200);
		HttpResponse<String> feedback = this.app.send(this.app.request("/v1/feedback")
			.header("Content-Type", "multipart/form-data")
			.POST(HttpRequest.BodyPublishers.ofString("x")));
		assertThat(feedback.statusCode()).isEqualTo(422);
		assertThat(feedback.body()).contains("model_attributes_type");
	}

	@Test
	void whatTheFirewallRefusesIsAnsweredInTheErrorShape() {
		HttpResponse<String> control = this.app.send("DELETE", "/v1/conversations/a%01b");
		assertThat(control.statusCode()).isEqualTo(400);
		assertThat(control.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(control.body()).isEqualTo("{\"detail\":\"Bad Request\"}");
		HttpResponse<String> trace = this.app.send("TRACE", "/liveness");
		assertThat(trace.statusCode()).isEqualTo(405);
		assertThat(trace.headers().firstValue("Allow"))
			.hasValueSatisfying((allow) -> assertThat(allow).contains("GET"));
		assertThat(trace.body()).isEqualTo("{\"detail\":\"Method Not Allowed\"}");
	}

	@Test
	void aSentimentBeyondTheIntRangeIsRefusedLikeAnyOtherBadSentiment() {
		HttpResponse<String> response = this.app.send("POST", "/v1/feedback",
				FEEDBACK.formatted(WireMockLlamaStack.AGENT, "99999999999"));
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.body()).contains("Improper sentiment value of 99999999999, needs to be -1 or 1");
	}

	@Test
	void jsonNestedTooDeeplyIsInvalidJson() {
		String deep = "{\"query\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}";
		HttpResponse<String> response = this.app.send("POST", "/v1/query", deep);
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.body()).startsWith("{\"detail\":[{\"type\":\"json_invalid\",\"loc\":[\"body\",")
			.contains("Nesting deeper than 32 levels");
		assertNoTurn();
	}

	@ParameterizedTest
	@ValueSource(strings = { "a%00b", "a%0D%0Ab", "" })
	void aUserIdThatCannotBeStoredIsRefusedBeforeAnyTurn(String userId) {
		HttpResponse<String> response = this.app.send(this.app.request("/v1/query?user_id=" + userId)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"hi\"}")));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).startsWith("{\"detail\":{\"response\":\"Invalid user ID\",\"cause\":");
		assertNoTurn();
	}

	@Test
	void aUserIdOverTheLengthLimitIsRefusedBeforeAnyTurn() {
		HttpResponse<String> response = this.app.send(this.app.request("/v1/streaming_query?user_id=" + "u".repeat(256))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"hi\"}")));
		assertThat(response.statusCode()).isEqualTo(400);
		assertNoTurn();
	}

	@Test
	void aBodyOverTheSizeLimitIsRefusedWhetherDeclaredOrChunked() {
		String huge = "{\"query\": \"" + "x".repeat(10 * 1024 * 1024) + "\"}";
		HttpResponse<String> declared = this.app.send("POST", "/v1/query", huge);
		assertThat(declared.statusCode()).isEqualTo(413);
		assertThat(declared.body()).isEqualTo("{\"detail\":{\"response\":\"Request too large\","
				+ "\"cause\":\"The request body is larger than 8388608 bytes\"}}");
		try {
			HttpResponse<String> chunked = this.app.send(this.app.request("/v1/query")
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers
					.ofInputStream(() -> new java.io.ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8)))));
			assertThat(chunked.statusCode()).isEqualTo(413);
		}
		catch (java.io.UncheckedIOException ex) {
			// the 413 goes out and the connection closes while the client is still
			// sending the rest: a client busy writing may see only the close
			assertThat(ex).hasRootCauseInstanceOf(java.io.IOException.class);
		}
		assertNoTurn();
	}

	@Test
	void aQueryOrAttachmentOverItsLimitIsAPydanticMaxLength() {
		HttpResponse<String> query = this.app.send("POST", "/v1/query", "{\"query\": \"" + "x".repeat(131_073) + "\"}");
		assertThat(query.statusCode()).isEqualTo(422);
		assertThat(query.body()).startsWith("{\"detail\":[{\"type\":\"string_too_long\",\"loc\":[\"body\",\"query\"],"
				+ "\"msg\":\"String should have at most 131072 characters\"");
		String attachment = "{\"attachment_type\": \"log\", \"content_type\": \"text/plain\", \"content\": \"%s\"}";
		String many = IntStream.range(0, 33)
			.mapToObj((i) -> attachment.formatted("x"))
			.collect(Collectors.joining(",", "{\"query\": \"q\", \"attachments\": [", "]}"));
		HttpResponse<String> tooMany = this.app.send("POST", "/v1/query", many);
		assertThat(tooMany.statusCode()).isEqualTo(422);
		assertThat(tooMany.body()).contains("\"type\":\"too_long\",\"loc\":[\"body\",\"attachments\"]");
		HttpResponse<String> tooBig = this.app.send("POST", "/v1/query",
				"{\"query\": \"q\", \"attachments\": [" + attachment.formatted("x".repeat(1_048_577)) + "]}");
		assertThat(tooBig.statusCode()).isEqualTo(422);
		assertThat(tooBig.body()).contains("\"loc\":[\"body\",\"attachments\",0,\"content\"]");
		assertNoTurn();
	}

	@Test
	void feedbackOnAnotherUsersConversationIsForbidden() {
		HttpResponse<String> mine = this.app.send("POST", "/v1/query?user_id=alice", "{\"query\": \"hi\"}");
		assertThat(mine.statusCode()).isEqualTo(200);
		String body = FEEDBACK.formatted(WireMockLlamaStack.AGENT, "1");
		assertThat(this.app.send("POST", "/v1/feedback?user_id=alice", body).statusCode()).isEqualTo(200);
		HttpResponse<String> theirs = this.app.send("POST", "/v1/feedback?user_id=mallory", body);
		assertThat(theirs.statusCode()).isEqualTo(403);
		assertThat(theirs.body()).isEqualTo("{\"detail\":{\"response\":\"Access denied\","
				+ "\"cause\":\"You do not have permission to access this conversation\"}}");
	}

	@Test
	void aTurnStreamEndingWithoutTurnCompleteIsAnErrorNotAnAnswer() {
		String whole = new String(Captures.of("plain.sse"), StandardCharsets.UTF_8);
		String cut = whole.substring(0,
				whole.indexOf("data: {\"event\":{\"payload\":{\"event_type\":\"turn_complete\""));
		llamaStack
			.stubFor(post(urlPathMatching(TURN)).willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
				.withHeader("Connection", "close")
				.withBody(cut)));
		try {
			HttpResponse<String> stream = this.app.send("POST", "/v1/streaming_query", "{\"query\": \"hi\"}");
			assertThat(stream.statusCode()).isEqualTo(200);
			String events = stream.body();
			assertThat(events).doesNotContain("\"event\": \"turn_complete\"");
			assertThat(events.indexOf("\"event\": \"error\"")).isPositive()
				.isLessThan(events.indexOf("\"event\": \"end\""));
			HttpResponse<String> query = this.app.send("POST", "/v1/query", "{\"query\": \"hi\"}");
			assertThat(query.statusCode()).isEqualTo(502);
			assertThat(query.body()).contains("Llama Stack's answer ended before the turn was complete");
		}
		finally {
			WireMockLlamaStack.stubQueries(llamaStack);
		}
	}

	private static void assertNoTurn() {
		llamaStack.verify(0, postRequestedFor(urlPathMatching(TURN)));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Configuration {

		@Bean
		LightspeedConfiguration lightspeedConfiguration() {
			return TestConfigurations.application("hostile", llamaStack.baseUrl(), directory, """
					user_data_collection:
					  feedback_enabled: true
					  feedback_storage: %s/feedback
					  transcripts_enabled: true
					  transcripts_storage: %s/transcripts
					""".formatted(directory, directory));
		}

	}

}
