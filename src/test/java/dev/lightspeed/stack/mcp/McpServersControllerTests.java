package dev.lightspeed.stack.mcp;

import dev.lightspeed.stack.config.McpServersConfig;
import dev.lightspeed.stack.config.McpServerConfig;
import dev.lightspeed.stack.errors.ErrorResponses;
import dev.lightspeed.stack.llamastack.LlamaStackApiException;
import dev.lightspeed.stack.llamastack.LlamaStackBackend;
import dev.lightspeed.stack.support.ConnectedLlamaStack;
import dev.lightspeed.stack.support.LlamaStackFailures;
import dev.lightspeed.stack.support.TestConfigurations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static dev.lightspeed.stack.support.TestUsers.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * {@code /v1/mcp-servers} and {@code /v1/mcp-auth/client-options} with their real rules,
 * over an in-memory store and a mocked Llama Stack: who may register and delete, what is
 * refused, and that no answer carries credentials.
 */
@WebMvcTest(McpServersController.class)
@Import({ McpServerRegistry.class, ErrorResponses.class, McpServersControllerTests.Fakes.class,
		ConnectedLlamaStack.class })
class McpServersControllerTests {

	private static final String TOOLS = """
			{"name": "alice-tools", "url": "http://tools.example:8080/mcp",
			 "authorization_headers": {"Authorization": "client"}, "headers": ["x-rh-identity"], "timeout": 30}""";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	McpServerStore store;

	@MockitoBean
	LlamaStackBackend llamaStack;

	// one context for the class, so one store: each test starts with it empty
	@BeforeEach
	void emptyStore() {
		this.store.list().forEach((registered) -> this.store.delete(registered.server().name()));
	}

	private MvcTestResult register(String userId, String body) {
		return this.mvc.post()
			.uri("/v1/mcp-servers")
			.with(user(userId))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private MvcTestResult delete(String userId, String name) {
		return this.mvc.delete().uri("/v1/mcp-servers/" + name).with(user(userId)).exchange();
	}

	@Test
	void registeringAddsTheServerForEveryoneAndAnswersWithoutCredentials() {
		assertThat(register("alice", TOOLS)).hasStatus(201)
			.bodyJson()
			.isStrictlyEqualTo("{\"name\":\"alice-tools\",\"url\":\"http://tools.example:8080/mcp\","
					+ "\"provider_id\":\"model-context-protocol\","
					+ "\"message\":\"MCP server 'alice-tools' registered successfully\"}");
		verify(this.llamaStack).registerMcpServer(any(McpServerConfig.class));
		assertThat(this.store.find("alice-tools")).hasValueSatisfying((registered) -> {
			assertThat(registered.owner()).isEqualTo("alice");
			assertThat(registered.server().authorizationHeaders()).containsEntry("Authorization", "client");
			assertThat(registered.server().headers()).containsExactly("x-rh-identity");
			assertThat(registered.server().timeout()).isEqualTo(30);
		});
		assertThat(this.mvc.get().uri("/v1/mcp-servers").with(user("bob"))).hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo("{\"servers\":[{\"name\":\"configured\",\"url\":\"http://configured/mcp\","
					+ "\"provider_id\":\"model-context-protocol\",\"source\":\"config\"},{\"name\":\"rhdh\","
					+ "\"url\":\"http://rhdh/mcp\",\"provider_id\":\"model-context-protocol\",\"source\":\"config\"},"
					+ "{\"name\":\"alice-tools\","
					+ "\"url\":\"http://tools.example:8080/mcp\",\"provider_id\":\"model-context-protocol\","
					+ "\"source\":\"api\"}]}");
	}

	@Test
	void aNameTakenByAConfiguredOrRegisteredServerIsAConflict() {
		String conflict = "{\"detail\":{\"response\":\"Mcp Server already exists\","
				+ "\"cause\":\"Mcp Server with name '%s' is already registered\"}}";
		assertThat(register("alice", "{\"name\": \"configured\", \"url\": \"http://other/mcp\"}")).hasStatus(409)
			.bodyJson()
			.isStrictlyEqualTo(conflict.formatted("configured"));
		assertThat(register("alice", "{\"name\": \"twice\", \"url\": \"http://a/mcp\"}")).hasStatus(201);
		assertThat(register("bob", "{\"name\": \"twice\", \"url\": \"http://b/mcp\"}")).hasStatus(409)
			.bodyJson()
			.isStrictlyEqualTo(conflict.formatted("twice"));
		assertThat(this.store.find("twice"))
			.hasValueSatisfying((server) -> assertThat(server.owner()).isEqualTo("alice"));
	}

	// accepted and listed before FuzzReliability found them (and schemathesis choked on
	// the listing)
	@Test
	void aUrlWithoutAHostIsRefused() {
		for (String url : new String[] { "http://\u00cdr[K\u00eb/mcp", "http://[:]/mcp", "http://a b/mcp",
				"http:///mcp" }) {
			assertThat(register("alice", "{\"name\": \"a\", \"url\": \"" + url + "\"}")).as(url)
				.hasStatus(422)
				.bodyJson()
				.extractingPath("$.detail[0].loc")
				.isEqualTo(java.util.List.of("body", "url"));
		}
		assertThat(register("alice", "{\"name\": \"v6\", \"url\": \"http://[::1]:8080/mcp\"}")).hasStatus(201);
	}

	@Test
	void badRegistrationsAreRefusedWithPydanticErrors() {
		assertThat(register("alice", "{\"name\": \"../etc\", \"url\": \"http://a/mcp\"}")).hasStatus(422)
			.bodyJson()
			.extractingPath("$.detail[0].type")
			.isEqualTo("string_pattern_mismatch");
		assertThat(register("alice", "{\"name\": \"" + "n".repeat(256) + "\", \"url\": \"http://a/mcp\"}"))
			.hasStatus(422)
			.bodyJson()
			.extractingPath("$.detail[0].type")
			.isEqualTo("string_too_long");
		assertThat(register("alice", "{\"name\": \"a\", \"url\": \"file:///etc/passwd\"}")).hasStatus(422)
			.bodyJson()
			.extractingPath("$.detail[0].loc")
			.isEqualTo(java.util.List.of("body", "url"));
		assertThat(register("alice", "{\"name\": \"a\", \"url\": \"http://a/mcp\", \"secret\": 1}")).hasStatus(422)
			.bodyJson()
			.extractingPath("$.detail[0].type")
			.isEqualTo("extra_forbidden");
		assertThat(register("alice", "{\"name\": \"a\", \"url\": \"http://a/mcp\", \"timeout\": 0}")).hasStatus(422);
		assertThat(register("alice", "{\"name\": \"a\", \"url\": \"http://a/mcp\", \"headers\": [\"x\", \"X\"]}"))
			.hasStatus(422)
			.bodyText()
			.contains("Duplicate header name (case-insensitive): 'X'");
		verify(this.llamaStack, never()).registerMcpServer(any());
		assertThat(this.store.list()).isEmpty();
	}

	@Test
	void anAuthorizationHeaderMustNameAKeywordNotAFile() {
		MvcTestResult result = register("alice",
				"{\"name\": \"a\", \"url\": \"http://a/mcp\", \"authorization_headers\": {\"X-Key\": \"/etc/shadow\"}}");
		assertThat(result).hasStatus(422)
			.bodyJson()
			.extractingPath("$.detail[0].msg")
			.isEqualTo("Value error, Authorization header 'X-Key' has an unsupported value. Dynamic registration "
					+ "only supports: client, kubernetes, oauth. File-path based secrets are only supported in "
					+ "static YAML config.");
		assertThat(this.store.list()).isEmpty();
	}

	@Test
	void whenLlamaStackCannotTakeTheServerNothingIsKept() {
		willThrow(LlamaStackFailures.connectionError()).given(this.llamaStack).registerMcpServer(any());
		assertThat(register("alice", TOOLS)).hasStatus(503)
			.bodyJson()
			.isStrictlyEqualTo(LlamaStackFailures.UNAVAILABLE);
		willThrow(new LlamaStackApiException(400, "Provider nope not found")).given(this.llamaStack)
			.registerMcpServer(any());
		assertThat(register("alice", TOOLS)).hasStatus(400)
			.bodyJson()
			.isStrictlyEqualTo("{\"detail\":{\"response\":\"Failed to register MCP server\","
					+ "\"cause\":\"Error code: 400 - Provider nope not found\"}}");
		assertThat(this.store.list()).isEmpty();
	}

	@Test
	void theOwnerDeletesTheServer() {
		register("alice", TOOLS);
		assertThat(delete("alice", "alice-tools")).hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo("{\"deleted\":true,\"name\":\"alice-tools\","
					+ "\"response\":\"MCP server deleted successfully\"}");
		verify(this.llamaStack).unregisterMcpServer("alice-tools");
		assertThat(this.store.find("alice-tools")).isEmpty();
	}

	@Test
	void anotherUserMayNotDeleteIt() {
		register("alice", TOOLS);
		assertThat(delete("bob", "alice-tools")).hasStatus(403)
			.bodyJson()
			.isStrictlyEqualTo("{\"detail\":{\"response\":\"User does not have permission to perform this action\","
					+ "\"cause\":\"User bob does not have permission to delete MCP server with name "
					+ "'alice-tools'\"}}");
		verify(this.llamaStack, never()).unregisterMcpServer(anyString());
		assertThat(this.store.find("alice-tools")).isPresent();
	}

	@Test
	void anUnknownNameIsNotDeletedAndNotAnError() {
		assertThat(delete("alice", "nothing-here")).hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo("{\"deleted\":false,\"name\":\"nothing-here\",\"response\":\"MCP server not found\"}");
		verify(this.llamaStack, never()).unregisterMcpServer(anyString());
	}

	@Test
	void aConfiguredServerIsReadOnly() {
		assertThat(delete("alice", "configured")).hasStatus(403)
			.bodyJson()
			.isStrictlyEqualTo("{\"detail\":{\"response\":\"Cannot delete statically configured MCP server\","
					+ "\"cause\":\"MCP server 'configured' is defined in configuration and cannot be removed via "
					+ "the API.\"}}");
	}

	@Test
	void whenLlamaStackCannotBeReachedTheServerStays() {
		register("alice", TOOLS);
		willThrow(LlamaStackFailures.connectionError()).given(this.llamaStack).unregisterMcpServer("alice-tools");
		assertThat(delete("alice", "alice-tools")).hasStatus(503);
		assertThat(this.store.find("alice-tools")).isPresent();
	}

	@Test
	void clientOptionsNameTheServersTakingAClientToken() {
		register("alice", TOOLS);
		assertThat(this.mvc.get().uri("/v1/mcp-auth/client-options").with(user("bob"))).hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo("{\"servers\":[{\"name\":\"rhdh\",\"client_auth_headers\":[\"Authorization\"]},"
					+ "{\"name\":\"alice-tools\",\"client_auth_headers\":[\"Authorization\"]}]}");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Fakes {

		@Bean
		McpServersConfig mcpServersConfig() {
			return new McpServersConfig(TestConfigurations.minimalWith("""
					mcp_servers:
					  - {name: configured, url: 'http://configured/mcp'}
					  - {name: rhdh, url: 'http://rhdh/mcp', authorization_headers: {Authorization: client}}
					""").mcpServers());
		}

		@Bean
		McpServerStore mcpServerStore() {
			return new InMemoryMcpServerStore();
		}

	}

}
