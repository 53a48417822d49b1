package dev.lightspeed.stack.info;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * Gives our records' schemas LCS 0.2.0's names ({@code LightspeedConfiguration} is
 * {@code Configuration}, ...) and rewrites every reference to them. A rename map instead
 * of {@code @Schema(name = ...)} on each record, because a generic record
 * ({@code ConversationResponse<T>}) has one name per type argument, and it keeps OpenAPI
 * annotations out of the configuration records.
 */
final class OpenApiSchemaNames {

	static final Map<String, String> RENAMED = Map.ofEntries(Map.entry("LightspeedConfiguration", "Configuration"),
			Map.entry("ServiceConfig", "ServiceConfiguration"), Map.entry("TlsConfig", "TLSConfiguration"),
			Map.entry("CorsConfig", "CORSConfiguration"), Map.entry("LlamaStackConfig", "LlamaStackConfiguration"),
			Map.entry("UserDataCollectionConfig", "UserDataCollection"),
			Map.entry("DatabaseConfig", "DatabaseConfiguration"), Map.entry("Sqlite", "SQLiteDatabaseConfiguration"),
			Map.entry("Postgres", "PostgreSQLDatabaseConfiguration"),
			Map.entry("McpServerConfig", "ModelContextProtocolServer"),
			Map.entry("AuthenticationConfig", "AuthenticationConfiguration"),
			Map.entry("JwkConfig", "JwkConfiguration"), Map.entry("CustomizationConfig", "Customization"),
			Map.entry("InferenceConfig", "InferenceConfiguration"),
			Map.entry("DataCollectorConfig", "DataCollectorConfiguration"),
			Map.entry("ApiKeyTokenConfig", "APIKeyTokenConfiguration"),
			Map.entry("RhIdentityConfig", "RHIdentityConfiguration"),
			Map.entry("TrustedProxyConfig", "TrustedProxyConfiguration"),
			Map.entry("ServiceAccount", "TrustedProxyServiceAccount"),
			Map.entry("AuthorizationConfig", "AuthorizationConfiguration"),
			Map.entry("QuotaHandlersConfig", "QuotaHandlersConfiguration"),
			Map.entry("Limiter", "QuotaLimiterConfiguration"), Map.entry("Scheduler", "QuotaSchedulerConfiguration"),
			Map.entry("ConversationResponseChatTurn", "ConversationResponse"),
			Map.entry("ConversationResponseConversationTurnV2", "ConversationResponseV2"),
			Map.entry("McpServerRegistrationRequest", "MCPServerRegistrationRequest"),
			Map.entry("McpServerRegistrationResponse", "MCPServerRegistrationResponse"),
			Map.entry("McpServerListResponse", "MCPServerListResponse"), Map.entry("McpServerInfo", "MCPServerInfo"),
			Map.entry("McpServerDeleteResponse", "MCPServerDeleteResponse"),
			Map.entry("McpClientAuthOptionsResponse", "MCPClientAuthOptionsResponse"),
			Map.entry("McpServerAuthInfo", "MCPServerAuthInfo"),

			Map.entry("VectorStore", "VectorStoreResponse"), Map.entry("VectorStoreFile", "VectorStoreFileResponse"),
			Map.entry("StoredFile", "FileResponse"));

	private static final String PREFIX = "#/components/schemas/";

	private OpenApiSchemaNames() {
	}

	static void apply(OpenAPI openApi) {
		if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
			return;
		}
		Map<String, Schema> renamed = new LinkedHashMap<>();
		openApi.getComponents().getSchemas().forEach((name, schema) -> {
			renamed.put(RENAMED.getOrDefault(name, name), schema);
			rewrite(schema);
		});
		openApi.getComponents().setSchemas(renamed);
		if (openApi.getPaths() != null) {
			openApi.getPaths().values().forEach((item) -> item.readOperations().forEach(OpenApiSchemaNames::rewrite));
		}
	}

	private static void rewrite(Operation operation) {
		if (operation.getParameters() != null) {
			operation.getParameters().forEach((parameter) -> rewrite(parameter.getSchema()));
		}
		if (operation.getRequestBody() != null) {
			rewrite(operation.getRequestBody().getContent());
		}
		if (operation.getResponses() != null) {
			operation.getResponses().values().forEach((response) -> rewrite(response.getContent()));
		}
	}

	private static void rewrite(@Nullable Content content) {
		if (content != null) {
			content.values().forEach((mediaType) -> rewrite(mediaType.getSchema()));
		}
	}

	private static void rewrite(@Nullable Schema<?> schema) {
		if (schema == null) {
			return;
		}
		String ref = schema.get$ref();
		if (ref != null && ref.startsWith(PREFIX)) {
			String name = ref.substring(PREFIX.length());
			schema.set$ref(PREFIX + RENAMED.getOrDefault(name, name));
		}
		if (schema.getProperties() != null) {
			schema.getProperties().values().forEach(OpenApiSchemaNames::rewrite);
		}
		rewrite(schema.getItems());
		if (schema.getAdditionalProperties() instanceof Schema<?> additional) {
			rewrite(additional);
		}
		Stream.of(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())
			.filter(Objects::nonNull)
			.flatMap(List::stream)
			.forEach(OpenApiSchemaNames::rewrite);
	}

}
