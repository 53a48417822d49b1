package dev.lightspeed.stack.query;

import java.util.List;
import java.util.Map;

import dev.lightspeed.stack.config.CustomizationConfig;
import dev.lightspeed.stack.config.McpServerConfig;
import dev.lightspeed.stack.errors.ApiException;
import dev.lightspeed.stack.errors.ErrorDetail;
import dev.lightspeed.stack.llamastack.TurnInput.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class QueryRulesTests {

	@Test
	void systemPromptPrecedenceIsRequestThenConfigurationThenDefault() {
		CustomizationConfig configured = new CustomizationConfig(false, null, "configured");
		assertThat(SystemPrompts.resolve("mine", null, configured)).isEqualTo("mine");
		assertThat(SystemPrompts.resolve("", null, configured)).isEqualTo("configured");
		assertThat(SystemPrompts.resolve(null, null, new CustomizationConfig(false, null, ""))).isEmpty();
		assertThat(SystemPrompts.resolve(null, null, null)).isEqualTo("You are a helpful assistant");
	}

	@Test
	void anApiKeysPromptShouldSitBetweenTheRequestsAndTheConfiguredOne() {
		CustomizationConfig configured = new CustomizationConfig(false, null, "configured");
		assertThat(SystemPrompts.resolve("mine", "key's", configured)).isEqualTo("mine");
		assertThat(SystemPrompts.resolve(null, "key's", configured)).isEqualTo("key's");
		assertThat(SystemPrompts.resolve("", "key's", null)).isEqualTo("key's");
		assertThat(SystemPrompts.resolve(null, "key's", new CustomizationConfig(true, null, "configured")))
			.as("disable_query_system_prompt leaves the key's prompt")
			.isEqualTo("key's");
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> SystemPrompts.resolve("mine", "key's", new CustomizationConfig(true, null, null)))
			.satisfies((ex) -> assertThat(ex.status().value()).isEqualTo(422));
	}

	@Test
	void requestSystemPromptIsRefusedWhenDisabled() {
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> SystemPrompts.resolve("mine", null, new CustomizationConfig(true, null, null)))
			.satisfies((ex) -> {
				assertThat(ex.status().value()).isEqualTo(422);
				assertThat(((ErrorDetail) ex.detail()).cause()).isNull();
				assertThat(((ErrorDetail) ex.detail()).response())
					.startsWith("This instance does not support customizing the system prompt in the query request");
			});
	}

	@Test
	void attachmentsBecomeDocumentsAndBadTypesAreRefusedInOrder() {
		assertThat(Attachments.validate(List.of(new Attachment("log", "text/plain", "x"))))
			.containsExactly(new Document("log", "x", "text/plain"));
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> Attachments.validate(List.of(new Attachment("Log", "text/html", "x"))))
			.satisfies((ex) -> assertThat(ex.detail()).isEqualTo(
					new ErrorDetail("Unable to process this request", "Attachment with improper type Log detected")));
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> Attachments.validate(List.of(new Attachment("log", "text/html", "x"))))
			.satisfies((ex) -> assertThat(((ErrorDetail) ex.detail()).cause())
				.isEqualTo("Attachment with improper content type text/html detected"));
	}

	@Test
	void mcpHeadersAreRekeyedByServerUrlAsInTheWorkedExample() {
		List<McpServerConfig> servers = List.of(new McpServerConfig("filesystem-server", null, "http://localhost:3000"),
				new McpServerConfig("git-server", null, "https://git.example.com/mcp"));
		String header = """
				{"filesystem-server":{"Authorization":"Bearer t1"},"git-server":{"Authorization":"Bearer t2"},
				"http://another-server-mcp-server:3000":{"Authorization":"Bearer t3"},
				"unknown-mcp-server":{"Authorization":"Bearer t4"}}""";
		assertThat(McpHeaders.resolve(McpHeaders.parse(header), servers, "caller", true)).containsExactly(
				Map.entry("http://localhost:3000", Map.of("Authorization", "Bearer t1")),
				Map.entry("https://git.example.com/mcp", Map.of("Authorization", "Bearer t2")),
				Map.entry("http://another-server-mcp-server:3000", Map.of("Authorization", "Bearer t3")));
	}

	@Test
	void callerTokenGoesToEveryServerOnlyWhenNoHeadersAreGivenAndForwardingIsOn() {
		List<McpServerConfig> servers = List.of(new McpServerConfig("a", null, "http://a"),
				new McpServerConfig("b", null, "http://b"));
		assertThat(McpHeaders.resolve(Map.of(), servers, "tok", true)).containsOnlyKeys("http://a", "http://b")
			.containsEntry("http://a", Map.of("Authorization", "Bearer tok"));
		assertThat(McpHeaders.resolve(Map.of(), servers, "tok", false)).isEmpty();
		assertThat(McpHeaders.resolve(Map.of(), servers, "", true)).isEmpty();
	}

	@Test
	void malformedMcpHeadersAreIgnored() {
		assertThat(McpHeaders.parse("{not json")).isEmpty();
		assertThat(McpHeaders.parse("[]")).isEmpty();
		assertThat(McpHeaders.parse("null")).isEmpty();
		assertThat(McpHeaders.parse("\"x\"")).isEmpty();
		assertThat(McpHeaders.parse(null)).isEmpty();
	}

}
