package dev.lightspeed.stack.llamastack;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An MCP server as an inline tool of {@code POST /v1/responses}: from 0.4 the token goes,
 * bare, in {@code authorization} (Llama Stack adds {@code Bearer}), whichever form the
 * client sent; 0.3.x takes the whole header among the others.
 */
class ResponsesMcpToolTests {

	private static Object mcpTool(String version, String authorization) {
		TurnInput input = TurnInputs.withTools("q", new TurnInput.Tools(List.of(), TurnInputs.servers("k8s"),
				Map.of("http://k8s/mcp", Map.of("Authorization", authorization, "X-Tenant", "t"))));
		Map<String, Object> body = new ResponsesRequests(SemanticVersion.of(version)).turn("conv_1", input);
		return ((List<?>) body.get("tools")).getFirst();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "tok", "Bearer tok", "bearer tok" })
	void theTokenShouldGoBareInAuthorization(String sent) {
		assertThat(mcpTool("0.5.4", sent))
			.isEqualTo(Map.of("type", "mcp", "server_label", "k8s", "server_url", "http://k8s/mcp", "require_approval",
					"never", "authorization", "tok", "headers", Map.of("X-Tenant", "t")));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "tok", "Bearer tok" })
	void llamaStack03ShouldGetTheWholeHeader(String sent) {
		assertThat(mcpTool("0.3.5", sent))
			.isEqualTo(Map.of("type", "mcp", "server_label", "k8s", "server_url", "http://k8s/mcp", "require_approval",
					"never", "headers", Map.of("X-Tenant", "t", "Authorization", "Bearer tok")));
	}

}
