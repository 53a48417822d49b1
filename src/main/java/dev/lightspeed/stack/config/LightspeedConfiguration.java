package dev.lightspeed.stack.config;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole {@code lightspeed-stack.yaml}, as LCS 0.2.0 defines it. Component order is
 * the order of the {@code /v1/config} document.
 *
 * @param name service name, shown by {@code /v1/info} and the OpenAPI title
 * @param service HTTP server settings
 * @param llamaStack how to reach Llama Stack
 * @param userDataCollection feedback and transcript storage
 * @param database where conversation records live
 * @param mcpServers MCP servers offered to the model, read-only at run time
 * @param authentication the authentication module
 * @param authorization the access rules (LCS 0.3.0), absent when not configured
 * @param customization system prompt settings, absent when not configured
 * @param inference default model and provider
 * @param quotaHandlers token quotas (LCS 0.3.1), absent when not configured
 */
public record LightspeedConfiguration(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED) ServiceConfig service,
		// LCS 0.7.1 names the section after OGX, Llama Stack's name from 0.8; either name
		// works
		@JsonProperty("llama_stack") @JsonAlias("ogx") @Schema(
				requiredMode = Schema.RequiredMode.REQUIRED) LlamaStackConfig llamaStack,
		@JsonProperty("user_data_collection") @Schema(
				requiredMode = Schema.RequiredMode.REQUIRED) UserDataCollectionConfig userDataCollection,
		DatabaseConfig database, @JsonProperty("mcp_servers") List<McpServerConfig> mcpServers,
		AuthenticationConfig authentication, @Nullable AuthorizationConfig authorization,
		@Nullable CustomizationConfig customization, InferenceConfig inference,
		@JsonProperty("quota_handlers") @Nullable QuotaHandlersConfig quotaHandlers) implements CrossChecked {

	private static final Logger logger = LoggerFactory.getLogger(LightspeedConfiguration.class);

	public LightspeedConfiguration {
		database = (database != null) ? database : new DatabaseConfig(null, null);
		mcpServers = (mcpServers != null) ? List.copyOf(mcpServers) : List.of();
		authentication = (authentication != null) ? authentication
				: new AuthenticationConfig(null, null, null, null, null, null, null, null);
		inference = (inference != null) ? inference : new InferenceConfig(null, null);
	}

	@Override
	public void crossCheck(SectionCheck section) {
		section.check(!(section.given("llama_stack") && section.given("ogx")), "ogx",
				"Give the Llama Stack section once, as llama_stack or as ogx, not both");
	}

	// LCS 0.4+ drops a server that wants a Kubernetes token the authentication module
	// cannot give, with a warning, rather than refusing the file
	LightspeedConfiguration withUsableMcpServers() {
		String module = this.authentication.module();
		List<McpServerConfig> usable = this.mcpServers.stream().filter((server) -> {
			if (server.usableWith(module)) {
				return true;
			}
			logger.warn("MCP server {} is left out: its authorization_headers ask for the caller's Kubernetes token, "
					+ "which authentication module {} does not give (use k8s or noop-with-token, or a file or client "
					+ "instead of kubernetes)", server.name(), module);
			return false;
		}).toList();
		return (usable.size() == this.mcpServers.size()) ? this
				: new LightspeedConfiguration(this.name, this.service, this.llamaStack, this.userDataCollection,
						this.database, usable, this.authentication, this.authorization, this.customization,
						this.inference, this.quotaHandlers);
	}

	/**
	 * Returns a copy with another customization (used once the system prompt file has
	 * been read).
	 * @param customization the new customization
	 * @return the copy
	 */
	public LightspeedConfiguration withCustomization(@Nullable CustomizationConfig customization) {
		return new LightspeedConfiguration(this.name, this.service, this.llamaStack, this.userDataCollection,
				this.database, this.mcpServers, this.authentication, this.authorization, customization, this.inference,
				this.quotaHandlers);
	}

}
