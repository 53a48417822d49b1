package dev.lightspeed.stack.web;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import dev.lightspeed.stack.TestServerProperties;
import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.support.ApplicationClient;
import dev.lightspeed.stack.support.FakeIngress;
import dev.lightspeed.stack.support.LlamaStackStub;
import dev.lightspeed.stack.support.TestCertificate;
import dev.lightspeed.stack.support.TestConfigurations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application with every log at DEBUG and every secret in use: the Llama Stack
 * API key, a caller's bearer token, an MCP server token, an MCP server's secret file, the
 * TLS key password (the content of the {@code tls_key_password} file) and the data
 * collector's ingress token. None of them ever reaches the log, and no token reaches a
 * transcript. Also: a CORS preflight on an authenticated route is answered before
 * authentication, and the access log has its line.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "logging.level.root=DEBUG",
		// the test's own Llama Stack stub, which logs what it receives
		"logging.level.wiremock=INFO" })
class SecretsNotLoggedIT {

	private static final String API_KEY = "ls-api-key-6d1f0c";

	private static final String CALLER_TOKEN = "caller-token-93be7a";

	private static final String MCP_TOKEN = "mcp-token-51ac2e";

	private static final String KEY_PASSWORD = "tls-key-pass-27c9d4";

	private static final String INGRESS_TOKEN = "ingress-token-c3f81b";

	private static final String MCP_FILE_SECRET = "mcp-file-secret-8e02d7";

	@RegisterExtension
	static final LlamaStackStub llamaStack = LlamaStackStub.answeringQueries();

	private static final TestCertificate certificate = TestCertificate.localhost();

	private static final FakeIngress ingress = FakeIngress.start();

	static {
		// The first upload is refused, so the failure path logs too.
		ingress.answer(500);
	}

	@TempDir
	static Path directory;

	private ApplicationClient app;

	@BeforeEach
	void connect(@LocalServerPort int port) {
		this.app = ApplicationClient.https(port,
				HttpClient.newBuilder().sslContext(certificate.trustingOnlyThis()).build());
	}

	@AfterAll
	static void stopIngress() {
		ingress.close();
	}

	@DynamicPropertySource
	static void serverProperties(DynamicPropertyRegistry registry) {
		TestServerProperties.register(configuration(), registry);
	}

	@Test
	void noSecretIsEverLogged(CapturedOutput output) throws Exception {
		String mcpHeaders = "{\"tools\": {\"Authorization\": \"Bearer " + MCP_TOKEN + "\"}}";
		assertThat(query("/v1/query", mcpHeaders).statusCode()).isEqualTo(200);
		assertThat(query("/v1/streaming_query", mcpHeaders).body()).contains("\"event\": \"end\"");
		assertThat(query("/v1/query", null).statusCode()).isEqualTo(200);
		assertThat(query("/v1/query", "{not json " + MCP_TOKEN).statusCode()).isEqualTo(200);
		assertThat(this.app
			.send(this.app.request("/authorized?user_id=alice")
				.header("Authorization", "Bearer " + CALLER_TOKEN)
				.POST(HttpRequest.BodyPublishers.noBody()))
			.body()).doesNotContain(CALLER_TOKEN);
		assertThat(this.app.send("GET", "/v1/config").body()).doesNotContain(API_KEY, INGRESS_TOKEN, MCP_FILE_SECRET,
				"mcp-secret");
		assertThat(this.app
			.send(this.app.request("/authorized")
				.header("Authorization", "Basic " + CALLER_TOKEN)
				.POST(HttpRequest.BodyPublishers.noBody()))
			.statusCode()).isEqualTo(400);
		List<FakeIngress.Upload> uploads = awaitUploads(2);
		// The secrets were really used: Llama Stack got the key, the MCP token and the
		// caller's token; the ingress got its token, refused once, then accepted; the
		// service answered over TLS with the encrypted key.
		llamaStack.verify(postRequestedFor(urlPathMatching("/v1/agents/.*/turn"))
			.withHeader("Authorization", equalTo("Bearer " + API_KEY))
			.withHeader("X-LlamaStack-Provider-Data", containing(MCP_TOKEN)));
		llamaStack.verify(postRequestedFor(urlPathMatching("/v1/agents/.*/turn"))
			.withHeader("X-LlamaStack-Provider-Data", containing(CALLER_TOKEN)));
		llamaStack.verify(postRequestedFor(urlPathMatching("/v1/agents/.*/turn"))
			.withHeader("X-LlamaStack-Provider-Data", containing("Bearer " + MCP_FILE_SECRET)));
		assertThat(uploads).extracting(FakeIngress.Upload::authorization).containsOnly("Bearer " + INGRESS_TOKEN);
		assertThat(uploads).extracting(FakeIngress.Upload::status).startsWith(500, 202);
		assertThat(output.getAll()).contains("DEBUG", "\"POST /v1/query HTTP/1.1\" 200")
			.doesNotContain(API_KEY, CALLER_TOKEN, MCP_TOKEN, MCP_FILE_SECRET, KEY_PASSWORD, INGRESS_TOKEN);
	}

	@Test
	void transcriptsNeverHoldTheCallersToken() throws Exception {
		assertThat(query("/v1/query", null).statusCode()).isEqualTo(200);
		List<Path> transcripts;
		try (Stream<Path> files = Files.walk(directory.resolve("transcripts"))) {
			transcripts = files.filter((file) -> file.toString().endsWith(".json")).toList();
		}
		assertThat(transcripts).isNotEmpty()
			.allSatisfy((file) -> assertThat(Files.readString(file)).contains("What is Kubernetes?")
				.doesNotContain(CALLER_TOKEN, MCP_TOKEN, API_KEY));
		for (FakeIngress.Upload upload : awaitUploads(1)) {
			assertThat(upload.members().values())
				.allSatisfy((member) -> assertThat(member).doesNotContain(CALLER_TOKEN));
		}
	}

	@Test
	void preflightOnAnAuthenticatedRouteIsAnsweredBeforeAuthentication() {
		HttpResponse<String> response = this.app.send(this.app.request("/v1/query")
			.header("Origin", "https://ui.example.com")
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "authorization, content-type")
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("OK");
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
		assertThat(response.headers().firstValue("Access-Control-Allow-Headers"))
			.hasValue("authorization, content-type");
		HttpResponse<String> refused = this.app.send(this.app.request("/v1/query")
			.header("Origin", "https://ui.example.com")
			.POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"q\"}")));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
	}

	private HttpResponse<String> query(String path, String mcpHeaders) {
		HttpRequest.Builder request = this.app.request(path)
			.header("Authorization", "Bearer " + CALLER_TOKEN)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"What is Kubernetes?\"}"));
		if (mcpHeaders != null) {
			request.header("MCP-HEADERS", mcpHeaders);
		}
		return this.app.send(request);
	}

	private static List<FakeIngress.Upload> awaitUploads(int count) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		while (ingress.uploads().size() < count && Instant.now().isBefore(deadline)) {
			Thread.sleep(100);
		}
		assertThat(ingress.uploads()).as("uploads to the ingress").hasSizeGreaterThanOrEqualTo(count);
		return ingress.uploads();
	}

	static LightspeedConfiguration configuration() {
		Path mcpSecret = directory.resolve("mcp-secret");
		try {
			Files.writeString(mcpSecret, MCP_FILE_SECRET + "\n");
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return TestConfigurations.yaml("name: secrets\n" + certificate.writeServiceTls(directory, KEY_PASSWORD) + """
				llama_stack:
				  url: %2$s
				  api_key: %3$s
				user_data_collection:
				  transcripts_enabled: true
				  transcripts_storage: %1$s/transcripts
				  data_collector:
				    enabled: true
				    ingress_server_url: %4$s
				    ingress_server_auth_token: %5$s
				    ingress_content_service_name: lightspeed-stack
				    collection_interval: 1
				    cleanup_after_send: false
				authentication:
				  module: noop-with-token
				mcp_servers:
				  - name: tools
				    url: http://localhost:9/mcp
				  - name: filed
				    url: http://localhost:9/filed
				    authorization_headers: {Authorization: %6$s}
				database:
				  sqlite:
				    db_path: %1$s/secrets.db
				""".formatted(directory, llamaStack.baseUrl(), API_KEY, ingress.url(), INGRESS_TOKEN, mcpSecret));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class LlamaStack {

		@Bean
		LightspeedConfiguration lightspeedConfiguration() {
			return configuration();
		}

	}

}
