package dev.lightspeed.stack.info;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;

/**
 * The fields LCS 0.2.0's (and, for the MCP routes, 0.5's) document marks as always
 * present in a response (springdoc only derives {@code required} from validation
 * annotations, which response records do not carry), and the feedback categories as the
 * {@code FeedbackCategory} enumeration.
 */
final class OpenApiRequiredFields {

	private static final Map<String, List<String>> REQUIRED = Map.ofEntries(
			Map.entry("AuthorizedResponse", List.of("user_id", "username")),
			Map.entry("ConversationDeleteResponse", List.of("conversation_id", "success", "response")),
			Map.entry("ConversationDetails", List.of("conversation_id")),
			Map.entry("ConversationResponse", List.of("conversation_id", "chat_history")),
			Map.entry("ConversationsListResponse", List.of("conversations")),
			Map.entry("FeedbackResponse", List.of("response")), Map.entry("InfoResponse", List.of("name", "version")),
			Map.entry("LivenessResponse", List.of("alive")), Map.entry("ModelsResponse", List.of("models")),
			Map.entry("ProviderHealthStatus", List.of("provider_id", "status")),
			Map.entry("QueryResponse", List.of("response")),
			Map.entry("ReadinessResponse", List.of("ready", "reason", "providers")),
			Map.entry("StatusResponse", List.of("functionality", "status")),
			Map.entry("MCPServerRegistrationResponse", List.of("name", "url", "provider_id", "message")),
			Map.entry("MCPServerInfo", List.of("name", "url", "provider_id", "source")),
			Map.entry("MCPServerDeleteResponse", List.of("deleted", "name", "response")),
			Map.entry("MCPServerAuthInfo", List.of("name", "client_auth_headers")));

	private OpenApiRequiredFields() {
	}

	static void apply(OpenAPI openApi) {
		Map<String, Schema> schemas = openApi.getComponents().getSchemas();
		REQUIRED.forEach((name, fields) -> {
			Schema<?> schema = schemas.get(name);
			if (schema != null && schema.getRequired() == null) {
				schema.setRequired(fields);
			}
		});
		Schema<?> feedback = schemas.get("FeedbackRequest");
		if (feedback != null && feedback.getProperties() != null
				&& feedback.getProperties().get("categories") instanceof Schema<?> categories) {
			// a list or null: the list is the first of anyOf (OpenApiNullableFields)
			Schema<?> list = (categories.getAnyOf() != null) ? categories.getAnyOf().get(0) : categories;
			if (list.getItems() != null) {
				list.setItems(OpenApiErrorSchemas.reference("FeedbackCategory"));
			}
		}
	}

}
