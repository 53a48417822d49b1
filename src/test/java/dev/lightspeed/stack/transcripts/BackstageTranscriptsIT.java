package dev.lightspeed.stack.transcripts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.support.ApplicationClient;
import dev.lightspeed.stack.support.LlamaStackStub;
import dev.lightspeed.stack.support.TestConfigurations;
import dev.lightspeed.stack.support.WireMockLlamaStack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Transcripts of a Backstage (RHDH plugin) user through the whole application: the
 * plugin's own request (noop authentication, {@code ?user_id=user%3Adefault%2Fguest}, a
 * body with {@code attachments: []} and {@code media_type}, an empty {@code MCP-HEADERS})
 * writes its transcript where LCS 0.2.0 writes it,
 * {@code <transcripts_storage>/user:default/guest/<conversation>/<id>.json}, streamed or
 * not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BackstageTranscriptsIT {

	private static final String USER = "user:default/guest";

	private static final String PLUGIN_QUERY = """
			{"model": "fake-model", "provider": "vllm", "query": "%s", "attachments": [],
			 "media_type": "application/json"%s}""";

	@RegisterExtension
	static final LlamaStackStub llamaStack = LlamaStackStub.answeringQueries();

	@TempDir
	static Path directory;

	private final JsonMapper json = JsonMapper.builder().build();

	private ApplicationClient app;

	@BeforeEach
	void connect(@LocalServerPort int port) {
		this.app = ApplicationClient.http(port);
	}

	@Test
	void streamedAndPlainAnswersOfABackstageUserAreTranscribedInLcsLayout() throws IOException {
		HttpResponse<String> stream = pluginRequest("/v1/streaming_query", PLUGIN_QUERY.formatted("What is RHDH?", ""));
		assertThat(stream.statusCode()).isEqualTo(200);
		assertThat(stream.body()).contains("\"event\": \"end\"");
		Path conversation = directory.resolve("transcripts/user:default/guest/" + WireMockLlamaStack.AGENT);
		await().atMost(Duration.ofSeconds(10)).until(() -> transcripts(conversation).size() == 1);

		HttpResponse<String> query = pluginRequest("/v1/query", PLUGIN_QUERY.formatted("And Backstage?",
				", \"conversation_id\": \"" + WireMockLlamaStack.AGENT + "\""));
		assertThat(query.statusCode()).isEqualTo(200);
		List<JsonNode> written = transcripts(conversation).stream().map(this::read).toList();
		assertThat(written).hasSize(2)
			.allSatisfy((transcript) -> assertThat(transcript.at("/metadata/user_id").asString()).isEqualTo(USER))
			.extracting((transcript) -> transcript.path("redacted_query").asString())
			.containsExactlyInAnyOrder("What is RHDH?", "And Backstage?");
	}

	private HttpResponse<String> pluginRequest(String path, String body) {
		return this.app.send(this.app.request(path + "?user_id=user%3Adefault%2Fguest")
			.header("Content-Type", "application/json")
			.header("MCP-HEADERS", "")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private static List<Path> transcripts(Path conversation) throws IOException {
		if (!Files.isDirectory(conversation)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(conversation)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".json")).toList();
		}
	}

	private JsonNode read(Path file) {
		try {
			return this.json.readTree(Files.readString(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Configuration {

		@Bean
		LightspeedConfiguration lightspeedConfiguration() {
			return TestConfigurations.application("backstage", llamaStack.baseUrl(), directory, """
					user_data_collection:
					  transcripts_enabled: true
					  transcripts_storage: %s/transcripts
					""".formatted(directory));
		}

	}

}
