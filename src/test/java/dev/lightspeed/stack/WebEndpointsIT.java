package dev.lightspeed.stack;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.support.ApplicationClient;
import dev.lightspeed.stack.support.LlamaStackFailures;
import dev.lightspeed.stack.support.LlamaStackStub;
import dev.lightspeed.stack.support.TestConfigurations;
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
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application on a real HTTP server (security chain, error path, Jackson, the
 * real Llama Stack client) with WireMock as Llama Stack. Includes FastAPI's 422 for a
 * query with a field {@code QueryRequest} does not have (lcs-behavior §1.2, §2.1).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "lightspeed.llama-stack.catalog-ttl=0s")
class WebEndpointsIT {

	@RegisterExtension
	static final LlamaStackStub llamaStack = LlamaStackStub.versionOnly();

	@TempDir
	static Path directory;

	private ApplicationClient app;

	@BeforeEach
	void resetLlamaStack(@LocalServerPort int port) {
		llamaStack.resetAll();
		this.app = ApplicationClient.http(port);
	}

	@Test
	void modelsComeFromLlamaStackInLcsKeyOrder() {
		llamaStack.stubFor(get("/v1/models").willReturn(okJson("{\"data\":[{\"identifier\":\"vllm/fake-model\","
				+ "\"provider_resource_id\":\"fake-model\",\"provider_id\":\"vllm\",\"type\":\"model\","
				+ "\"metadata\":{},\"model_type\":\"llm\"}]}")));
		HttpResponse<String> response = this.app.send("GET", "/v1/models");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(response.body()).isEqualTo("{\"models\":[{\"identifier\":\"vllm/fake-model\",\"metadata\":{},"
				+ "\"api_model_type\":\"llm\",\"provider_id\":\"vllm\",\"type\":\"model\","
				+ "\"provider_resource_id\":\"fake-model\",\"model_type\":\"llm\"}]}");
	}

	@Test
	void llamaStackErrorOnModelsIs500() {
		llamaStack.stubFor(get("/v1/models").willReturn(aResponse().withStatus(500).withBody("boom")));
		HttpResponse<String> response = this.app.send("GET", "/v1/models");
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).isEqualTo(
				"{\"detail\":{\"response\":\"Unable to retrieve list of models\",\"cause\":\"Error code: 500 - boom\"}}");
	}

	@Test
	void modelsWhenTheConnectionToLlamaStackBreaksAre503() {
		llamaStack.stubFor(get("/v1/models").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		HttpResponse<String> response = this.app.send("GET", "/v1/models");
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.body()).isEqualTo(LlamaStackFailures.UNAVAILABLE);
	}

	@Test
	void unknownFieldInAQueryIsExtraForbiddenBeforeLlamaStackIsAsked() {
		HttpResponse<String> response = this.app.send("POST", "/v1/query", "{\"query\": \"q\", \"foo\": \"bar\"}");
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(response.body()).isEqualTo("{\"detail\":[{\"type\":\"extra_forbidden\",\"loc\":[\"body\",\"foo\"],"
				+ "\"msg\":\"Extra inputs are not permitted\",\"input\":\"bar\"}]}");
		llamaStack.verify(0, postRequestedFor(urlPathMatching("/v1/agents.*")));
	}

	@Test
	void unknownFieldInAStreamingQueryIsExtraForbiddenWithItsValueAsInput() {
		HttpResponse<String> response = this.app.send("POST", "/v1/streaming_query",
				"{\"query\": \"q\", \"tools\": [1, {\"a\": null}]}");
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(response.body()).isEqualTo("{\"detail\":[{\"type\":\"extra_forbidden\",\"loc\":[\"body\",\"tools\"],"
				+ "\"msg\":\"Extra inputs are not permitted\",\"input\":[1,{\"a\":null}]}]}");
		llamaStack.verify(0, postRequestedFor(urlPathMatching("/v1/agents.*")));
	}

	@Test
	void readinessReportsProvidersInErrorOnBothPathsAndHead() {
		llamaStack.stubFor(get("/v1/providers").willReturn(okJson("{\"data\":["
				+ "{\"api\":\"inference\",\"provider_id\":\"vllm\",\"health\":{\"status\":\"Error\",\"message\":\"down\"}},"
				+ "{\"api\":\"agents\",\"provider_id\":\"meta-reference\",\"health\":{\"status\":\"Not Implemented\"}}]}")));
		String expected = "{\"ready\":false,\"reason\":\"Providers not healthy: vllm\","
				+ "\"providers\":[{\"provider_id\":\"vllm\",\"status\":\"Error\",\"message\":\"down\"}]}";
		for (String path : new String[] { "/readiness", "/v1/readiness" }) {
			HttpResponse<String> response = this.app.send("GET", path);
			assertThat(response.statusCode()).isEqualTo(503);
			assertThat(response.body()).isEqualTo(expected);
			HttpResponse<String> head = this.app.send("HEAD", path);
			assertThat(head.statusCode()).isEqualTo(503);
			assertThat(head.body()).isEmpty();
		}
	}

	@Test
	void readyWhenProvidersAreHealthy() {
		llamaStack.stubFor(get("/v1/providers").willReturn(okJson(
				"{\"data\":[{\"api\":\"inference\",\"provider_id\":\"vllm\",\"health\":{\"status\":\"OK\"}}]}")));
		HttpResponse<String> response = this.app.send("GET", "/readiness");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body())
			.isEqualTo("{\"ready\":true,\"reason\":\"All providers are healthy\",\"providers\":[]}");
	}

	@Test
	void livenessAnswersGetAndHead() {
		assertThat(this.app.send("GET", "/v1/liveness").body()).isEqualTo("{\"alive\":true}");
		HttpResponse<String> head = this.app.send("HEAD", "/liveness");
		assertThat(head.statusCode()).isEqualTo(200);
		assertThat(head.body()).isEmpty();
	}

	@Test
	void unknownPathIsNotFoundInDetailShape() {
		HttpResponse<String> response = this.app.send("GET", "/v1/nothing");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).isEqualTo("{\"detail\":\"Not Found\"}");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/v1/conversations/..%2F..%2Fetc", "/v1/conversations/%2e%2e", "/v1//conversations",
			"/v1/conversations/%00", "/v1/conversations/a%2Fb" })
	void pathTheServerRefusesIsBadRequestInDetailShape(String path) {
		HttpResponse<String> response = this.app.send("GET", path);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(response.body()).isEqualTo("{\"detail\":\"Bad Request\"}");
	}

	@Test
	void malformedRequestIsBadRequestInDetailShape(@LocalServerPort int port) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.getOutputStream().write("GET /v1/models HTTP/1.1\r\nHost: x\r\nno colon\r\n\r\n".getBytes(US_ASCII));
			String response = new String(socket.getInputStream().readAllBytes(), US_ASCII);
			assertThat(response).startsWith("HTTP/1.1 400 ")
				.contains("Content-Type: application/json\r\n")
				.endsWith("\r\n\r\n{\"detail\":\"Bad Request\"}");
		}
	}

	@Test
	void trailingSlashIsRedirectedWith307() {
		HttpResponse<String> response = this.app.send("GET", "/v1/info/");
		assertThat(response.statusCode()).isEqualTo(307);
		assertThat(response.headers().firstValue("Location"))
			.hasValue(this.app.request("/v1/info").build().uri().toString());
	}

	@Test
	void wrongMethodIsMethodNotAllowedWithAllow() {
		HttpResponse<String> response = this.app.send("POST", "/liveness");
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.headers().firstValue("Allow"))
			.hasValueSatisfying((allow) -> assertThat(allow).contains("GET"));
		assertThat(response.body()).isEqualTo("{\"detail\":\"Method Not Allowed\"}");
	}

	@Test
	void rootPageAndDocumentationAreServed() {
		HttpResponse<String> root = this.app.send("GET", "/");
		assertThat(root.statusCode()).isEqualTo(200);
		// 0.2.0: "text/html; charset=utf-8", the same media type (README)
		assertThat(root.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
		assertThat(root.body()).contains("<title>Lightspeed core service</title>", "<h1>Lightspeed core service</h1>");
		// 0.2.0 links ReDoc, which is not served here (README)
		assertThat(filesLoadedBy("/", root.body())).containsExactly("/docs", "/openapi.json");
		HttpResponse<String> openApi = this.app.send("GET", "/openapi.json");
		assertThat(openApi.statusCode()).isEqualTo(200);
		assertThat(openApi.body()).contains("\"title\":\"it service - OpenAPI\"", "\"version\":\"0.2.0\"",
				"\"ModelsResponse\"", "\"ReadinessResponse\"", "\"ProviderHealthStatus\"", "\"InfoResponse\"");
	}

	@Test
	void swaggerUiPagesAndEveryFileTheyLoadAreServed() {
		HttpResponse<String> docs = this.app.send("GET", "/docs");
		assertThat(docs.statusCode()).isEqualTo(200);
		assertThat(docs.body()).contains("<title>it service - OpenAPI - Swagger UI</title>", "SwaggerUIBundle(",
				"\"openapi.json\"", "\"docs/oauth2-redirect\"");
		assertThat(filesLoadedBy("/docs", docs.body())).containsExactly("/webjars/swagger-ui/swagger-ui.css",
				"/webjars/swagger-ui/favicon-32x32.png", "/webjars/swagger-ui/swagger-ui-bundle.js");
		HttpResponse<String> redirect = this.app.send("GET", "/docs/oauth2-redirect");
		assertThat(redirect.statusCode()).isEqualTo(200);
		assertThat(filesLoadedBy("/docs/oauth2-redirect", redirect.body()))
			.containsExactly("/webjars/swagger-ui/oauth2-redirect.js");
	}

	// the paths a page's src and href attributes load, each checked to be served
	private List<String> filesLoadedBy(String page, String html) {
		List<String> paths = Pattern.compile("(?:src|href)=\"([^\"]+)\"")
			.matcher(html)
			.results()
			.map((match) -> URI.create(page).resolve(match.group(1)).getPath())
			.toList();
		for (String path : paths) {
			HttpResponse<String> file = this.app.send("GET", path);
			assertThat(file.statusCode()).as(path).isEqualTo(200);
			assertThat(file.body()).as(path).isNotEmpty();
		}
		return paths;
	}

	/**
	 * Spring Security's headers, kept on purpose (README, Differences from LCS 0.2.0): no
	 * cache keeps a user's answers, no browser sniffs a JSON answer into HTML, no page
	 * frames the docs.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "/", "/v1/info", "/v1/nothing", "/metrics", "/docs", "/webjars/swagger-ui/swagger-ui.css",
			"/v1/conversations" })
	void everyAnswerForbidsCachingSniffingAndFraming(String path) {
		HttpResponse<String> response = this.app.send("GET", path);
		assertThat(response.headers().map())
			.containsEntry("Cache-Control", List.of("no-cache, no-store, max-age=0, must-revalidate"))
			.containsEntry("Pragma", List.of("no-cache"))
			.containsEntry("Expires", List.of("0"))
			.containsEntry("X-Content-Type-Options", List.of("nosniff"))
			.containsEntry("X-Frame-Options", List.of("DENY"));
	}

	@Test
	void infoNamesTheConfiguredService() {
		assertThat(this.app.send("GET", "/v1/info").body())
			.isEqualTo("{\"name\":\"it\",\"version\":\"0.2.0\",\"llama_stack_version\":\"0.2.22\","
					+ "\"llama_stack_api\":\"Agents API\"}");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class LlamaStack {

		@Bean
		LightspeedConfiguration lightspeedConfiguration() {
			return TestConfigurations.application("it", llamaStack.baseUrl(), directory, "user_data_collection: {}");
		}

	}

}
