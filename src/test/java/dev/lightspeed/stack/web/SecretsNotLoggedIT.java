package dev.lightspeed.stack.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.support.TestConfigurations;
import dev.lightspeed.stack.support.WireMockLlamaStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application at DEBUG, with a Llama Stack API key, a caller's bearer token and
 * an MCP server token all in use: none of them ever reaches the log. Also: a CORS
 * preflight on an authenticated route is answered before authentication, and the access
 * log has its line.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "logging.level.dev.lightspeed.stack=DEBUG", "logging.level.org.springframework.web=DEBUG",
				"logging.level.org.springframework.security=DEBUG" })
class SecretsNotLoggedIT {

	private static final String API_KEY = "ls-api-key-6d1f0c";

	private static final String CALLER_TOKEN = "caller-token-93be7a";

	private static final String MCP_TOKEN = "mcp-token-51ac2e";

	private static final WireMockServer llamaStack = WireMockLlamaStack.start();

	@TempDir
	static Path directory;

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@AfterAll
	static void stopLlamaStack() {
		llamaStack.stop();
	}

	@Test
	void noSecretIsEverLogged(CapturedOutput output) throws Exception {
		String mcpHeaders = "{\"tools\": {\"Authorization\": \"Bearer " + MCP_TOKEN + "\"}}";
		assertThat(query("/v1/query", mcpHeaders).statusCode()).isEqualTo(200);
		assertThat(query("/v1/streaming_query", mcpHeaders).body()).contains("\"event\": \"end\"");
		assertThat(query("/v1/query", null).statusCode()).isEqualTo(200);
		assertThat(query("/v1/query", "{not json " + MCP_TOKEN).statusCode()).isEqualTo(200);
		assertThat(send(HttpRequest.newBuilder(uri("/authorized?user_id=alice"))
			.header("Authorization", "Bearer " + CALLER_TOKEN)
			.POST(HttpRequest.BodyPublishers.noBody())).body()).doesNotContain(CALLER_TOKEN);
		assertThat(send(HttpRequest.newBuilder(uri("/v1/config"))).body()).doesNotContain(API_KEY);
		assertThat(send(HttpRequest.newBuilder(uri("/authorized"))
			.header("Authorization", "Basic " + CALLER_TOKEN)
			.POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(400);
		// The secrets were really used: Llama Stack got the key, the MCP token and the
		// caller's token.
		llamaStack.verify(postRequestedFor(urlPathMatching("/v1/agents/.*/turn"))
			.withHeader("Authorization", equalTo("Bearer " + API_KEY))
			.withHeader("X-LlamaStack-Provider-Data", containing(MCP_TOKEN)));
		llamaStack.verify(postRequestedFor(urlPathMatching("/v1/agents/.*/turn"))
			.withHeader("X-LlamaStack-Provider-Data", containing(CALLER_TOKEN)));
		assertThat(output.getAll()).contains("DEBUG", "\"POST /v1/query HTTP/1.1\" 200")
			.doesNotContain(API_KEY, CALLER_TOKEN, MCP_TOKEN);
	}

	@Test
	void preflightOnAnAuthenticatedRouteIsAnsweredBeforeAuthentication() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/v1/query"))
			.header("Origin", "https://ui.example.com")
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "authorization, content-type")
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("OK");
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
		assertThat(response.headers().firstValue("Access-Control-Allow-Headers"))
			.hasValue("authorization, content-type");
		HttpResponse<String> refused = send(HttpRequest.newBuilder(uri("/v1/query"))
			.header("Origin", "https://ui.example.com")
			.POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"q\"}")));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
	}

	private HttpResponse<String> query(String path, String mcpHeaders) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Authorization", "Bearer " + CALLER_TOKEN)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"What is Kubernetes?\"}"));
		if (mcpHeaders != null) {
			request.header("MCP-HEADERS", mcpHeaders);
		}
		return send(request);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class LlamaStack {

		@Bean
		LightspeedConfiguration lightspeedConfiguration() {
			return TestConfigurations.yaml("""
					name: secrets
					service: {}
					llama_stack:
					  url: %s
					  api_key: %s
					user_data_collection:
					  transcripts_enabled: true
					  transcripts_storage: %s/transcripts
					authentication:
					  module: noop-with-token
					mcp_servers:
					  - name: tools
					    url: http://localhost:9/mcp
					database:
					  sqlite:
					    db_path: %s/secrets.db
					""".formatted(llamaStack.baseUrl(), API_KEY, directory, directory));
		}

	}

}
