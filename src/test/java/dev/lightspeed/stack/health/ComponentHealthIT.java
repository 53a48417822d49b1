package dev.lightspeed.stack.health;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.support.ApplicationClient;
import dev.lightspeed.stack.support.LlamaStackStub;
import dev.lightspeed.stack.support.TestConfigurations;
import org.junit.jupiter.api.AfterAll;
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

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /v1/health} of the whole application: Llama Stack, the database, the JWK set of
 * {@code jwk-token} and two MCP servers, one answering and one gone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ComponentHealthIT {

	@RegisterExtension
	static final LlamaStackStub llamaStack = LlamaStackStub.answeringQueries();

	static final WireMockServer jwks = new WireMockServer(options().dynamicPort());

	static {
		jwks.start();
	}

	@TempDir
	static Path directory;

	private ApplicationClient app;

	@BeforeEach
	void stubs(@LocalServerPort int port) {
		this.app = ApplicationClient.http(port);
		llamaStack.stubFor(get("/v1/providers").willReturn(okJson("{\"data\":[{\"api\":\"inference\","
				+ "\"provider_id\":\"vllm\",\"provider_type\":\"remote::vllm\",\"config\":{},"
				+ "\"health\":{\"status\":\"OK\"}}]}")));
		llamaStack.stubFor(get("/mcp").willReturn(aResponse().withStatus(405)));
		jwks.stubFor(get("/jwks").willReturn(okJson("{\"keys\":[]}")));
	}

	@AfterAll
	static void stopJwks() {
		jwks.stop();
	}

	@Test
	void everyComponentShouldBeReportedWithStatusAndLatency() {
		HttpResponse<String> response = this.app.send("GET", "/v1/health");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode health = JsonMapper.shared().readTree(response.body());
		assertThat(health.get("status").asString()).isEqualTo("degraded");
		assertThat(component(health, "llama_stack").get("status").asString()).isEqualTo("healthy");
		assertThat(component(health, "llama_stack").get("message").asString())
			.isEqualTo("Llama Stack 0.2.22, 1 providers healthy");
		assertThat(component(health, "database").get("message").asString()).isEqualTo("sqlite");
		assertThat(component(health, "authentication:jwk_set").get("message").asString()).isEqualTo("0 keys");
		assertThat(component(health, "mcp:answering").get("message").asString()).isEqualTo("HTTP 405");
		assertThat(component(health, "mcp:gone").get("status").asString()).isEqualTo("unhealthy");
		assertThat(component(health, "mcp:gone").get("critical").asBoolean()).isFalse();
		health.get("components").forEach((c) -> assertThat(c.get("latency_ms").isNumber()).isTrue());
		assertThat(this.app.send("GET", "/health").body()).contains("\"llama_stack\"");
	}

	@Test
	void aCriticalComponentDownShouldBe503AndLeaveReadinessToItsOwnContract() {
		jwks.stubFor(get("/jwks").willReturn(aResponse().withStatus(500)));
		HttpResponse<String> response = this.app.send("GET", "/v1/health");
		assertThat(response.statusCode()).isEqualTo(503);
		JsonNode health = JsonMapper.shared().readTree(response.body());
		assertThat(health.get("status").asString()).isEqualTo("unhealthy");
		assertThat(component(health, "authentication:jwk_set").get("status").asString()).isEqualTo("unhealthy");
		assertThat(this.app.send("GET", "/readiness").statusCode()).isEqualTo(200);
	}

	private static JsonNode component(JsonNode health, String name) {
		for (JsonNode component : health.get("components")) {
			if (component.get("name").asString().equals(name)) {
				return component;
			}
		}
		throw new AssertionError("no component " + name + " in " + health);
	}

	static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Configuration {

		@Bean
		LightspeedConfiguration lightspeedConfiguration() {
			return TestConfigurations.application("health", llamaStack.baseUrl(), directory, """
					user_data_collection: {}
					mcp_servers:
					  - {name: answering, url: '%s/mcp'}
					  - {name: gone, url: 'http://127.0.0.1:%d/mcp'}
					authentication: {module: jwk-token, jwk_config: {url: '%s/jwks'}}
					""".formatted(llamaStack.baseUrl(), closedPort(), jwks.baseUrl()));
		}

	}

}
