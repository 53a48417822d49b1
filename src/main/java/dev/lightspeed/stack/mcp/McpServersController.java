package dev.lightspeed.stack.mcp;

import dev.lightspeed.stack.auth.AuthenticatedUser;
import dev.lightspeed.stack.config.McpServerConfig;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/mcp-servers} (LCS 0.5: list, register, unregister, used by the RHDH plugin
 * 2.x) and {@code /v1/mcp-auth/client-options} (LCS 0.4.1). No answer carries a server's
 * credentials.
 */
@RestController
class McpServersController {

	private final McpServerRegistry registry;

	McpServersController(McpServerRegistry registry) {
		this.registry = registry;
	}

	@GetMapping("/v1/mcp-servers")
	McpServerListResponse list() {
		return new McpServerListResponse(this.registry.list());
	}

	@PostMapping("/v1/mcp-servers")
	@ResponseStatus(HttpStatus.CREATED)
	McpServerRegistrationResponse register(@AuthenticationPrincipal AuthenticatedUser user,
			@RequestBody McpServerRegistrationRequest request) {
		McpServerConfig server = this.registry.register(user, request.toConfig());
		return new McpServerRegistrationResponse(server.name(), server.url(), server.providerId(),
				"MCP server '" + server.name() + "' registered successfully");
	}

	@DeleteMapping("/v1/mcp-servers/{name}")
	McpServerDeleteResponse delete(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable String name) {
		return this.registry.delete(user, name);
	}

	@GetMapping("/v1/mcp-auth/client-options")
	McpClientAuthOptionsResponse clientOptions() {
		return new McpClientAuthOptionsResponse(this.registry.clientAuthOptions());
	}

}
