package dev.lightspeed.stack.query;

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
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A query with a field {@code QueryRequest} does not have is refused with FastAPI's 422,
 * on the whole application, before anything reaches Llama Stack (lcs-behavior §1.2,
 * §2.1).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QueryRequestValidationIT {

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
	void unknownFieldInAQueryIsExtraForbidden() throws Exception {
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

	private HttpResponse<String> post(String path, String body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class LlamaStack {

		@Bean
		LightspeedConfiguration lightspeedConfiguration() {
			return TestConfigurations.yaml("""
					name: validation
					service: {}
					llama_stack:
					  url: %s
					user_data_collection: {}
					database:
					  sqlite:
					    db_path: %s/validation.db
					""".formatted(llamaStack.baseUrl(), directory));
		}

	}

}
