package dev.lightspeed.stack.apikeys;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.support.ApplicationClient;
import dev.lightspeed.stack.support.LlamaStackStub;
import dev.lightspeed.stack.support.TestConfigurations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database key's system prompt reaches Llama Stack as the new conversation's
 * instructions, unless the request brings its own (ORBIT's prompt per key).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiKeySystemPromptIT {

	static final String ADMIN = "admin-credential-0123456789";

	@RegisterExtension
	static final LlamaStackStub llamaStack = LlamaStackStub.answeringQueries();

	@TempDir
	static Path directory;

	private ApplicationClient app;

	@BeforeEach
	void client(@LocalServerPort int port) {
		this.app = ApplicationClient.http(port);
		llamaStack.resetRequests();
	}

	@Test
	void theKeysPromptShouldBeTheNewConversationsInstructions() {
		String key = issue("{\"user_id\":\"alice\",\"system_prompt\":\"You answer in haiku.\"}");
		assertThat(query(key, "{\"query\":\"What is Kubernetes?\"}").statusCode()).isEqualTo(200);
		llamaStack.verify(postRequestedFor(urlEqualTo("/v1/agents"))
			.withRequestBody(matchingJsonPath("$.agent_config.instructions", equalTo("You answer in haiku."))));
	}

	@Test
	void theRequestsOwnPromptShouldComeFirst() {
		String key = issue("{\"user_id\":\"bob\",\"system_prompt\":\"You answer in haiku.\"}");
		assertThat(query(key, "{\"query\":\"q\",\"system_prompt\":\"You answer in limericks.\"}").statusCode())
			.isEqualTo(200);
		llamaStack.verify(postRequestedFor(urlEqualTo("/v1/agents"))
			.withRequestBody(matchingJsonPath("$.agent_config.instructions", equalTo("You answer in limericks."))));
	}

	private String issue(String body) {
		HttpResponse<String> response = this.app.send(this.app.request("/v1/admin/api-keys")
			.header("Authorization", "Bearer " + ADMIN)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
		assertThat(response.statusCode()).isEqualTo(201);
		return JsonMapper.shared().readTree(response.body()).at("/api_key").asString();
	}

	private HttpResponse<String> query(String key, String body) {
		return this.app.send(this.app.request("/v1/query")
			.header("Authorization", "Bearer " + key)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Configuration {

		@Bean
		LightspeedConfiguration lightspeedConfiguration() {
			return TestConfigurations.application("key-prompts", llamaStack.baseUrl(), directory, """
					user_data_collection: {}
					customization: {system_prompt: The configured prompt.}
					authentication: {module: api-key-token, api_key_config: {admin_api_key: %s}}
					""".formatted(ADMIN));
		}

	}

}
