package dev.lightspeed.stack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.support.TestConfigurations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application on a real HTTP server (security chain, error path, Jackson, the
 * real Llama Stack client) with WireMock as Llama Stack. Includes FastAPI's 422 for a
 * query with a field {@code QueryRequest} does not have (lcs-behavior §1.2, §2.1).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "lightspeed.llama-stack.catalog-ttl=0s")
class WebEndpointsIT {

	private static final WireMockServer llamaStack = new WireMockServer(options().dynamicPort());

	static {
		llamaStack.start();
		llamaStack.stubFor(get("/v1/version").willReturn(okJson("{\"version\":\"0.2.22\"}")));
	}

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@AfterAll
	static void stopLlamaStack() {
		llamaStack.stop();
	}

	@BeforeEach
	void resetLlamaStack() {
		llamaStack.resetAll();
	}

	@Test
	void modelsComeFromLlamaStackInLcsKeyOrder() throws Exception {
		llamaStack.stubFor(get("/v1/models").willReturn(okJson("{\"data\":[{\"identifier\":\"vllm/fake-model\","
				+ "\"provider_resource_id\":\"fake-model\",\"provider_id\":\"vllm\",\"type\":\"model\","
				+ "\"metadata\":{},\"model_type\":\"llm\"}]}")));
		HttpResponse<String> response = send("GET", "/v1/models");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(response.body()).isEqualTo("{\"models\":[{\"identifier\":\"vllm/fake-model\",\"metadata\":{},"
				+ "\"api_model_type\":\"llm\",\"provider_id\":\"vllm\",\"type\":\"model\","
				+ "\"provider_resource_id\":\"fake-model\",\"model_type\":\"llm\"}]}");
	}

	@Test
	void llamaStackErrorOnModelsIs500() throws Exception {
		llamaStack.stubFor(get("/v1/models").willReturn(aResponse().withStatus(500).withBody("boom")));
		HttpResponse<String> response = send("GET", "/v1/models");
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).isEqualTo(
				"{\"detail\":{\"response\":\"Unable to retrieve list of models\",\"cause\":\"Error code: 500 - boom\"}}");
	}

	@Test
	void modelsWhenTheConnectionToLlamaStackBreaksAre503() throws Exception {
		llamaStack.stubFor(get("/v1/models").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		HttpResponse<String> response = send("GET", "/v1/models");
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.body()).isEqualTo(
				"{\"detail\":{\"response\":\"Unable to connect to Llama Stack\",\"cause\":\"Connection error.\"}}");
	}

	@Test
	void readinessReportsProvidersInErrorOnBothPathsAndHead() throws Exception {
		llamaStack.stubFor(get("/v1/providers").willReturn(okJson("{\"data\":["
				+ "{\"api\":\"inference\",\"provider_id\":\"vllm\",\"health\":{\"status\":\"Error\",\"message\":\"down\"}},"
				+ "{\"api\":\"agents\",\"provider_id\":\"meta-reference\",\"health\":{\"status\":\"Not Implemented\"}}]}")));
		String expected = "{\"ready\":false,\"reason\":\"Providers not healthy: vllm\","
				+ "\"providers\":[{\"provider_id\":\"vllm\",\"status\":\"Error\",\"message\":\"down\"}]}";
		for (String path : new String[] { "/readiness", "/v1/readiness" }) {
			HttpResponse<String> response = send("GET", path);
			assertThat(response.statusCode()).isEqualTo(503);
			assertThat(response.body()).isEqualTo(expected);
			HttpResponse<String> head = send("HEAD", path);
			assertThat(head.statusCode()).isEqualTo(503);
			assertThat(head.body()).isEmpty();
		}
	}

	@Test
	void readyWhenProvidersAreHealthy() throws Exception {
		llamaStack.stubFor(get("/v1/providers").willReturn(okJson(
				"{\"data\":[{\"api\":\"inference\",\"provider_id\":\"vllm\",\"health\":{\"status\":\"OK\"}}]}")));
		HttpResponse<String> response = send("GET", "/readiness");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body())
			.isEqualTo("{\"ready\":true,\"reason\":\"All providers are healthy\",\"providers\":[]}");
	}

	@Test
	void livenessAnswersGetAndHead() throws Exception {
		assertThat(send("GET", "/v1/liveness").body()).isEqualTo("{\"alive\":true}");
		HttpResponse<String> head = send("HEAD", "/liveness");
		assertThat(head.statusCode()).isEqualTo(200);
		assertThat(head.body()).isEmpty();
	}

	@Test
	void unknownPathIsNotFoundInDetailShape() throws Exception {
		HttpResponse<String> response = send("GET", "/v1/nothing");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).isEqualTo("{\"detail\":\"Not Found\"}");
	}

	@Test
	void trailingSlashIsRedirectedWith307() throws Exception {
		HttpResponse<String> response = send("GET", "/v1/info/");
		assertThat(response.statusCode()).isEqualTo(307);
		assertThat(response.headers().firstValue("Location")).hasValue("http://localhost:" + this.port + "/v1/info");
	}

	@Test
	void wrongMethodIsMethodNotAllowedWithAllow() throws Exception {
		HttpResponse<String> response = send("POST", "/liveness");
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.headers().firstValue("Allow"))
			.hasValueSatisfying((allow) -> assertThat(allow).contains("GET"));
		assertThat(response.body()).isEqualTo("{\"detail\":\"Method Not Allowed\"}");
	}

	@Test
	void rootPageAndDocumentationAreServed() throws Exception {
		HttpResponse<String> root = send("GET", "/");
		assertThat(root.statusCode()).isEqualTo(200);
		assertThat(root.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type.replace(" ", "").toLowerCase()).isEqualTo("text/html;charset=utf-8"));
		assertThat(root.body()).contains("<title>Lightspeed core service</title>");
		HttpResponse<String> openApi = send("GET", "/openapi.json");
		assertThat(openApi.statusCode()).isEqualTo(200);
		assertThat(openApi.body()).contains("\"title\":\"it service - OpenAPI\"", "\"version\":\"0.2.0\"",
				"\"ModelsResponse\"", "\"ReadinessResponse\"", "\"ProviderHealthStatus\"", "\"InfoResponse\"");
		assertThat(send("GET", "/docs").statusCode()).isIn(200, 302);
	}

	@Test
	void unknownFieldInAQueryIsExtraForbiddenBeforeLlamaStackIsAsked() throws Exception {
		HttpResponse<String> response = post("/v1/query", "{\"query\": \"q\", \"foo\": \"bar\"}");
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(response.body()).isEqualTo("{\"detail\":[{\"type\":\"extra_forbidden\",\"loc\":[\"body\",\"foo\"],"
				+ "\"msg\":\"Extra inputs are not permitted\",\"input\":\"bar\"}]}");
		llamaStack.verify(0, postRequestedFor(urlPathMatching("/v1/agents.*")));
	}

	@Test
	void unknownFieldInAStreamingQueryIsExtraForbiddenWithItsValueAsInput() throws Exception {
		HttpResponse<String> response = post("/v1/streaming_query",
				"{\"query\": \"q\", \"tools\": [1, {\"a\": null}]}");
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(response.body()).isEqualTo("{\"detail\":[{\"type\":\"extra_forbidden\",\"loc\":[\"body\",\"tools\"],"
				+ "\"msg\":\"Extra inputs are not permitted\",\"input\":[1,{\"a\":null}]}]}");
		llamaStack.verify(0, postRequestedFor(urlPathMatching("/v1/agents.*")));
	}

	@Test
	void infoNamesTheConfiguredService() throws Exception {
		assertThat(send("GET", "/v1/info").body()).isEqualTo("{\"name\":\"it\",\"version\":\"0.2.0\"}");
	}

	private HttpResponse<String> send(String method, String path) throws Exception {
		return send(HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.noBody()));
	}

	private HttpResponse<String> post(String path, String json) throws Exception {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
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
			return TestConfigurations.withSqlite("it", llamaStack.baseUrl(),
					Path.of(System.getProperty("java.io.tmpdir"), "it.db"));
		}

	}

}
