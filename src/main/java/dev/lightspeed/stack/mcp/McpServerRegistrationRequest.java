package dev.lightspeed.stack.mcp;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lightspeed.stack.config.McpServerConfig;
import dev.lightspeed.stack.errors.ForbidExtraFields;
import dev.lightspeed.stack.storage.Identifiers;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /v1/mcp-servers} ({@code MCPServerRegistrationRequest} in LCS
 * 0.5+). The name becomes a Llama Stack tool group id and a URL path segment, so it is
 * limited to 255 letters, digits, {@code .}, {@code _} and {@code -} (LCS: any 256
 * characters); the URL must be http or https, with a host; authorization headers name a
 * keyword only (a file path would reach into this server's file system).
 *
 * @param name unique name
 * @param url MCP endpoint
 * @param providerId Llama Stack tool runtime provider, {@code model-context-protocol}
 * when absent
 * @param authorizationHeaders header name to {@code client}, {@code kubernetes} or
 * {@code oauth}
 * @param headers names of request headers forwarded to the server
 * @param timeout seconds; accepted and kept, not applied (as in LCS)
 */
@ForbidExtraFields
record McpServerRegistrationRequest(
		@NotNull @Size(min = 1,
				max = Identifiers.MAX_LENGTH) @Pattern(regexp = McpServerRegistrationRequest.NAME) String name,
		@NotNull @Size(max = 2048) @Pattern(regexp = "https?://[^/?#\\s]+(?:[/?#]\\S*)?") @HostUrl String url,
		@JsonProperty("provider_id") @Size(min = 1, max = Identifiers.MAX_LENGTH) @Pattern(
				regexp = McpServerRegistrationRequest.NAME) @Nullable String providerId,
		@JsonProperty("authorization_headers") @HeaderRules @Nullable Map<String, String> authorizationHeaders,
		@HeaderRules @Nullable List<String> headers, @Positive @Nullable Integer timeout) {

	static final String NAME = "^[A-Za-z0-9][A-Za-z0-9._-]*$";

	McpServerConfig toConfig() {
		return new McpServerConfig(this.name, this.providerId, this.url, this.authorizationHeaders, this.headers,
				this.timeout);
	}

}
