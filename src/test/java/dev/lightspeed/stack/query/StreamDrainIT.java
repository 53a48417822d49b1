package dev.lightspeed.stack.query;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.lightspeed.stack.LightspeedStackApplication;
import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.support.ApplicationClient;
import dev.lightspeed.stack.support.ConnectedLlamaStack;
import dev.lightspeed.stack.support.LiveStream;
import dev.lightspeed.stack.support.ScriptedLlamaStack;
import dev.lightspeed.stack.support.TestConfigurations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rolling update stops a replica while answers are being streamed (SIGTERM closes the
 * context): the replica turns unready and refuses new questions at once, an answer that
 * finishes within the grace period ends as usual, and one that does not ends with an
 * {@code error} event and {@code end} instead of a cut connection.
 */
class StreamDrainIT {

	private static final String QUESTION = "{\"query\":\"slow\"}";

	@TempDir
	Path directory;

	private final ScriptedLlamaStack llamaStack = new ScriptedLlamaStack();

	@Test
	void stoppingLetsShortAnswersFinishAndEndsLongOnesWithAnError() throws Exception {
		ConfigurableApplicationContext context = start();
		ApplicationClient app = ApplicationClient
			.http(((WebServerApplicationContext) context).getWebServer().getPort());
		// about one second of tokens: it ends within the grace period
		this.llamaStack.answeringSlowly(20, 50);
		LiveStream shortAnswer = LiveStream.open(app, "user:default/guest", QUESTION);
		// about ten seconds: it does not
		this.llamaStack.answeringSlowly(200, 50);
		LiveStream longAnswer = LiveStream.open(app, "system:serviceaccount:ns:name", QUESTION);
		assertThat(shortAnswer.next().at("/event").stringValue()).isEqualTo("start");
		assertThat(longAnswer.next().at("/event").stringValue()).isEqualTo("start");

		CompletableFuture<Void> stop = CompletableFuture.runAsync(context::close);
		await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
			HttpResponse<String> readiness = app.send("GET", "/readiness");
			assertThat(readiness.statusCode()).isEqualTo(503);
			assertThat(readiness.body()).contains("\"reason\":\"Service is shutting down\"");
		});
		HttpResponse<String> refused = app.send("POST", "/v1/query?user_id=someone@example.com",
				"{\"query\":\"hello\"}");
		assertThat(refused.statusCode()).isEqualTo(503);
		assertThat(refused.body()).startsWith("{\"detail\":{\"response\":\"Service is shutting down\"");

		assertThat(shortAnswer.rest()).extracting((event) -> event.at("/event").stringValue())
			.endsWith("token", "turn_complete", "end")
			.doesNotContain("error");
		List<JsonNode> ended = longAnswer.rest();
		assertThat(ended).extracting((event) -> event.at("/event").stringValue())
			.endsWith("token", "error", "end")
			.hasSizeLessThan(150);
		assertThat(ended.get(ended.size() - 2).at("/data/status_code").asInt()).isEqualTo(503);
		assertThat(ended.get(ended.size() - 2).at("/data/cause").stringValue())
			.startsWith("The service is shutting down");
		assertThat(this.llamaStack.lastStreamClosed()).isTrue();
		stop.get();
		assertThat(context.isActive()).isFalse();
	}

	private ConfigurableApplicationContext start() {
		LightspeedConfiguration configuration = TestConfigurations.application("drain-it", "http://127.0.0.1:9",
				this.directory, """
						user_data_collection:
						  transcripts_enabled: false
						""");
		return new SpringApplicationBuilder(LightspeedStackApplication.class)
			.properties("server.port=0", "lightspeed.shutdown.stream-grace=3s")
			.initializers((context) -> {
				context.getBeanFactory().registerSingleton("lightspeedConfiguration", configuration);
				((GenericApplicationContext) context).registerBean(ScriptedLlamaStack.class, () -> this.llamaStack,
						(definition) -> definition.setPrimary(true));
				((GenericApplicationContext) context).registerBean(ConnectedLlamaStack.class);
			})
			.run();
	}

}
