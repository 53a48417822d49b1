package dev.lightspeed.stack.auth;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import dev.lightspeed.stack.config.ConfigurationSections;
import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.errors.ApiException;
import dev.lightspeed.stack.errors.ErrorResponses;
import dev.lightspeed.stack.support.TestConfigurations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code authorization.access_rules} applied to every endpoint: the action each takes,
 * LCS's 403 for a role without it, {@code *} for everyone and {@code admin} for all; and
 * with rules, the endpoints that were open authenticate too.
 */
@WebMvcTest(AuthorizedController.class)
@Import({ SecurityConfiguration.class, ConfigurationSections.class, ErrorResponses.class,
		ProtectedEndpointsTests.Routes.class, AccessRulesEndpointTests.Configuration.class })
class AccessRulesEndpointTests {

	static final String FORBIDDEN = "{\"detail\":{\"response\":\"User does not have permission to access this "
			+ "endpoint\",\"cause\":\"User u1 is not authorized to access this endpoint.\"}}";

	@Autowired
	MockMvcTester mvc;

	@ParameterizedTest(name = "{0} {1} needs {2}")
	@CsvSource({ "POST, /v1/query, writer", "POST, /v1/streaming_query, writer", "POST, /v1/feedback, writer",
			"GET, /v1/conversations/abc, writer", "DELETE, /v1/conversations/abc, writer",
			"GET, /v2/conversations/abc, writer", "DELETE, /v2/conversations/abc, writer",
			"PUT, /v2/conversations/abc, editor", "GET, /v1/shields, writer", "GET, /v1/config, operator",
			"GET, /metrics, operator", "POST, /v1/streaming_query/interrupt, writer", "GET, /v1/vector-stores, curator",
			"GET, /v1/mcp-servers, toolsmith", "POST, /v1/mcp-servers, toolsmith",
			"DELETE, /v1/mcp-servers/x, toolsmith", "GET, /v1/mcp-auth/client-options, toolsmith",
			"POST, /v1/responses, librarian", "POST, /v1/vector-stores, librarian",
			"DELETE, /v1/vector-stores/vs1, librarian", "POST, /v1/vector-stores/vs1/files, librarian",
			"GET, /v1/vector-stores/vs1/files, curator", "POST, /v1/files, librarian",
			"DELETE, /v1/files/f1, librarian", "GET, /v1/providers, librarian", "GET, /v1/providers/p1, librarian",
			"GET, /v1/tools, toolsmith", "GET, /v1/rags, librarian", "GET, /v1/rags/r1, librarian",
			"GET, /v1/prompts, librarian", "PUT, /v1/prompts/p1, librarian", "PUT, /v1/conversations/abc, editor",
			"PUT, /v1/feedback/status, boss" })
	void aRoleWithoutTheActionShouldBe403(String method, String path, String role) {
		assertThat(call(method, path, "reader")).hasStatus(403).hasBodyTextEqualTo(FORBIDDEN);
		assertThat(call(method, path, role)).hasStatusOk();
		assertThat(call(method, path, "boss")).hasStatusOk();
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "GET, /v1/conversations", "GET, /v2/conversations", "GET, /v1/models", "GET, /v1/info", "GET, /" })
	void actionsOfEveryoneShouldNeedNoRole(String method, String path) {
		assertThat(call(method, path, "")).hasStatusOk();
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "GET, /v1/models", "GET, /v1/info", "GET, /v1/config", "GET, /metrics", "GET, /" })
	void withRulesTheOpenEndpointsShouldAuthenticate(String method, String path) {
		assertThat(this.mvc.method(HttpMethod.valueOf(method)).uri(path)).hasStatus(401)
			.hasBodyTextEqualTo("{\"detail\":\"no user\"}");
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "GET, /readiness", "GET, /liveness", "GET, /v1/feedback/status" })
	void probesAndFeedbackStatusShouldStayOpen(String method, String path) {
		assertThat(this.mvc.method(HttpMethod.valueOf(method)).uri(path)).hasStatusOk();
	}

	@Test
	void authorizedShouldTakeNoActionAndAnswerAnyCaller() {
		assertThat(call("POST", "/authorized", "")).hasStatusOk();
	}

	private MockMvcTester.MockMvcRequestBuilder call(String method, String path, String roles) {
		return this.mvc.method(HttpMethod.valueOf(method)).uri(path).header("X-User", "u1").header("X-Roles", roles);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Configuration {

		@Bean
		@Primary
		LightspeedConfiguration rulesConfiguration() {
			return TestConfigurations.minimalWith(
					"""
							authorization:
							  access_rules:
							    - {role: '*', actions: [info, get_models, list_conversations]}
							    - role: writer
							      actions: [query, streaming_query, feedback, get_conversation, delete_conversation, get_shields]
							    - {role: editor, actions: [update_conversation]}
							    - {role: operator, actions: [get_config, get_metrics]}
							    - {role: curator, actions: [read_vector_stores]}
							    - role: toolsmith
							      actions: [list_mcp_servers, register_mcp_server, delete_mcp_server, get_tools]
							    - role: librarian
							      actions: [responses, manage_vector_stores, manage_files, list_providers, get_provider, list_rags, get_rag, read_prompts, manage_prompts]
							    - {role: boss, actions: [admin]}
							""");
		}

		// the caller and their roles from headers: what a module would establish
		@Bean
		@Primary
		AuthenticationModule headerModule() {
			return (request) -> {
				String user = request.getHeader("X-User");
				if (user == null) {
					throw ApiException.text(HttpStatus.UNAUTHORIZED, "no user");
				}
				Set<String> roles = Arrays.stream(String.valueOf(request.getHeader("X-Roles")).split(","))
					.filter((role) -> !role.isBlank())
					.collect(Collectors.toSet());
				return new AuthenticatedUser(user, user, false, "", roles, null);
			};
		}

	}

}
