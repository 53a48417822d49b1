package dev.lightspeed.stack.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.lightspeed.stack.auth.AuthenticatedUser;
import dev.lightspeed.stack.config.McpServerConfig;
import dev.lightspeed.stack.config.McpServersConfig;
import dev.lightspeed.stack.llamastack.LlamaStackCatalog;
import dev.lightspeed.stack.mcp.McpServers;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/tools} as LCS 0.4.2 lists them: every tool of every Llama Stack tool
 * group, the MCP servers' asked with the request's {@code MCP-HEADERS} (or the caller's
 * token, as a query sends them), each marked with where it comes from. On the Responses
 * API the MCP servers are not tool groups, so only Llama Stack's own tools are listed;
 * where the tool groups API is retired (OGX), none. Authorization hook (LCS action):
 * {@code GET_TOOLS}.
 */
@RestController
class ToolsController {

	private final LlamaStackCatalog catalog;

	private final List<McpServerConfig> servers;

	private final boolean forwardCallerToken;

	private final McpServers mcpServers;

	ToolsController(LlamaStackCatalog catalog, McpServersConfig configured, McpServers mcpServers,
			@Value("${lightspeed.query.forward-caller-token:true}") boolean forwardCallerToken) {
		this.catalog = catalog;
		this.servers = configured.servers();
		this.mcpServers = mcpServers;
		this.forwardCallerToken = forwardCallerToken;
	}

	@GetMapping("/v1/tools")
	@Parameter(name = "MCP-HEADERS", in = ParameterIn.HEADER, schema = @Schema(type = "string"))
	ToolsResponse tools(@AuthenticationPrincipal AuthenticatedUser user, @RequestHeader HttpHeaders headers) {
		McpServers.Offer offer = this.mcpServers.offer(user, headers::getFirst, this.forwardCallerToken);
		return new ToolsResponse(
				this.catalog.tools(offer.headers()).stream().map((tool) -> formatted(tool, this.servers)).toList());
	}

	private static Map<String, Object> formatted(ObjectNode tool, List<McpServerConfig> servers) {
		String group = tool.path("toolgroup_id").stringValue("");
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("identifier", tool.path("identifier").stringValue(""));
		out.put("description", tool.path("description").stringValue(""));
		out.put("parameters", tool.path("parameters"));
		out.put("provider_id", tool.path("provider_id").stringValue(""));
		out.put("toolgroup_id", group);
		out.put("server_source",
				servers.stream()
					.filter((server) -> server.name().equals(group))
					.map(McpServerConfig::url)
					.findFirst()
					.orElse("builtin"));
		out.put("type", tool.path("type").stringValue("tool"));
		return out;
	}

}
