package dev.lightspeed.stack.query;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.support.ConnectedLlamaStack;
import dev.lightspeed.stack.support.ScriptedLlamaStack;
import dev.lightspeed.stack.support.TestConfigurations;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jetty.JettyWebServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that goes away mid-stream frees the upstream turn and its own request
 * promptly, on the real HTTP server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StreamingDisconnectIT {

	@TempDir
	static Path directory;

	@LocalServerPort
	private int port;

	@Autowired
	private ScriptedLlamaStack llamaStack;

	@Autowired
	private ServletWebServerApplicationContext context;

	@Test
	void disconnectingClientClosesTheUpstreamTurn() throws Exception {
		this.llamaStack.answeringSlowly(200, 50);
		String body = "{\"query\":\"slow\"}";
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			OutputStream out = socket.getOutputStream();
			out.write(("POST /v1/streaming_query HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
					+ "Content-Length: " + body.length() + "\r\n\r\n" + body)
				.getBytes(StandardCharsets.UTF_8));
			out.flush();
			BufferedReader in = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
			String line;
			do {
				line = in.readLine();
			}
			while (line != null && !line.contains("\"role\": \"inference\", \"token\": \"tok0 \""));
			assertThat(line).as("first token arrived").isNotNull();
			assertThat(this.llamaStack.lastStreamClosed()).isFalse();
		}
		Instant deadline = Instant.now().plus(Duration.ofSeconds(3));
		while (!this.llamaStack.lastStreamClosed() && Instant.now().isBefore(deadline)) {
			Thread.sleep(20);
		}
		assertThat(this.llamaStack.lastStreamClosed()).as("upstream turn closed after the client left").isTrue();
		// the request itself ends too, not at the stream timeout: a graceful shutdown
		// would otherwise wait for it
		StatisticsHandler requests = ((JettyWebServer) this.context.getWebServer()).getServer()
			.getDescendant(StatisticsHandler.class);
		while (requests.getRequestsActive() > 0 && Instant.now().isBefore(deadline.plusSeconds(2))) {
			Thread.sleep(20);
		}
		assertThat(requests.getRequestsActive()).as("requests still active after the client left").isZero();
	}

	@TestConfiguration(proxyBeanMethods = false)
	@Import(ConnectedLlamaStack.class)
	static class Backend {

		@Bean
		LightspeedConfiguration lightspeedConfiguration() {
			return TestConfigurations.application("it", "http://127.0.0.1:9", directory, "user_data_collection: {}");
		}

		@Bean
		@Primary
		ScriptedLlamaStack scriptedLlamaStack() {
			return new ScriptedLlamaStack();
		}

	}

}
