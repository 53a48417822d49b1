package dev.lightspeed.stack.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.support.ApplicationClient;
import dev.lightspeed.stack.support.LlamaStackFailures;
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

	@Test
	void modelsWhenLlamaStackCannotBeReachedAre503(@LocalServerPort int port) {
		HttpResponse<String> response = ApplicationClient.http(port).send("GET", "/v1/models");
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(response.body()).isEqualTo(LlamaStackFailures.UNAVAILABLE);
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
			return TestConfigurations.application("unreachable", "http://127.0.0.1:" + CLOSED_PORT, directory,
					"user_data_collection: {}\n");
		}

	}

}
