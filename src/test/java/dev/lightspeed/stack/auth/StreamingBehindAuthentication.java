package dev.lightspeed.stack.auth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.lightspeed.stack.config.ConfigurationSections;
import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.errors.ErrorResponses;
import dev.lightspeed.stack.support.TestConfigurations;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A real server with only the security configuration and a stream that, like
 * {@code /v1/streaming_query}, emits from another thread after the request thread has
 * returned (so every event goes out after the async dispatch began).
 */
final class StreamingBehindAuthentication {

	static final int EVENTS = 5;

	private StreamingBehindAuthentication() {
	}

	static Streamed stream(int port, @Nullable String authorization) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/v1/streaming_query"))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"hi\"}"));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		try (HttpClient client = HttpClient.newHttpClient()) {
			HttpResponse<java.util.stream.Stream<String>> response = client.send(request.build(),
					HttpResponse.BodyHandlers.ofLines());
			return new Streamed(response.statusCode(), response.body().filter((line) -> !line.isEmpty()).toList());
		}
	}

	/**
	 * What the client saw.
	 *
	 * @param status the HTTP status
	 * @param lines the non-blank lines of the body
	 */
	record Streamed(int status, List<String> lines) {
	}

	// Test components are left out of every other test's component scan; the ITs name
	// them explicitly.
	@Configuration(proxyBeanMethods = false)
	@TestComponent
	@EnableAutoConfiguration(excludeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
	@Import({ SecurityConfiguration.class, ConfigurationSections.class, ErrorResponses.class, SlowStream.class })
	static class App {

		@Bean
		LightspeedConfiguration lightspeedConfiguration(Environment environment) {
			return TestConfigurations.minimalWith("""
					authentication:
					%s
					""".formatted(environment.getRequiredProperty("test.authentication").indent(2)));
		}

	}

	@RestController
	@TestComponent
	static class SlowStream {

		@PostMapping(path = "/v1/streaming_query", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
		SseEmitter stream(@AuthenticationPrincipal AuthenticatedUser user) {
			SseEmitter emitter = new SseEmitter(30_000L);
			var executor = Executors.newSingleThreadScheduledExecutor();
			for (int i = 0; i < EVENTS; i++) {
				int n = i;
				executor.schedule(() -> {
					try {
						emitter.send(SseEmitter.event()
							.data("{\"event\":\"token\",\"n\":" + n + ",\"user\":\"" + user.username() + "\"}",
									MediaType.TEXT_PLAIN));
						if (n == EVENTS - 1) {
							emitter.complete();
							executor.shutdown();
						}
					}
					catch (IOException ex) {
						emitter.completeWithError(ex);
						executor.shutdown();
					}
				}, 300 + 150L * i, TimeUnit.MILLISECONDS);
			}
			return emitter;
		}

	}

}
