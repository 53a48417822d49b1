package dev.lightspeed.stack.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;

/**
 * One entry of {@code mcp_servers}: registered in Llama Stack as a tool group named
 * {@code name}.
 *
 * @param name tool group id
 * @param providerId Llama Stack tool runtime provider
 * @param url MCP endpoint
 */
public record McpServerConfig(@NotNull(message = "Field required") String name,
		@JsonProperty("provider_id") String providerId, @NotNull(message = "Field required") String url) {

	public McpServerConfig {
		providerId = (providerId != null) ? providerId : "model-context-protocol";
	}

}
