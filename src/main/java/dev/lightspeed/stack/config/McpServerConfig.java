package dev.lightspeed.stack.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One entry of {@code mcp_servers}: registered in Llama Stack as a tool group named
 * {@code name}.
 *
 * @param name tool group id
 * @param providerId Llama Stack tool runtime provider
 * @param url MCP endpoint
 */
public record McpServerConfig(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
		@JsonProperty("provider_id") String providerId,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String url) {

	public McpServerConfig {
		providerId = (providerId != null) ? providerId : "model-context-protocol";
	}

	static McpServerConfig read(Section section) {
		return new McpServerConfig(section.requiredString("name"), section.string("provider_id"),
				section.requiredString("url"));
	}

}
