package dev.lightspeed.stack.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.support.TestConfigurations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application started with {@code llama_stack.url} on a closed port: it starts,
 * and {@code /v1/models} answers LCS's 503.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ModelsUnreachableIT {

	private static final int CLOSED_PORT = closedPort();

	@TempDir
	static Path directory;

	@LocalServerPort
	private int port;

	@Test
	void modelsWhenLlamaStackCannotBeReachedAre503() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/v1/models")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(response.body()).isEqualTo(
				"{\"detail\":{\"response\":\"Unable to connect to Llama Stack\",\"cause\":\"Connection error.\"}}");
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ClosedPort {

		@Bean
		LightspeedConfiguration lightspeedConfiguration() {
			return TestConfigurations.withSqlite("unreachable", "http://127.0.0.1:" + CLOSED_PORT,
					directory.resolve("unreachable.db"));
		}

	}

}
