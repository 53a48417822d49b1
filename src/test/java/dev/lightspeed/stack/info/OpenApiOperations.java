package dev.lightspeed.stack.info;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Operation ids, summaries, tags and responses as LCS 0.2.0's FastAPI document has them
 * (the 0.3.x handler names for the 0.3.x routes): every status 0.2.0's document lists,
 * with its description, plus the statuses this service really produces that it omits (a
 * Llama Stack that cannot be reached is a 503; which of 400/401/403 a refused caller gets
 * depends on the authentication module).
 */
final class OpenApiOperations {

	private static final String AUTH = "400 401 403 ";

	// the admin credential: 401 when missing or wrong, 403 when the admin API is off
	private static final String ADMIN = "401 403 ";

	// "METHOD path" -> the error statuses of the operation.
	// with access rules, the open endpoints authenticate too (docs/governance.md)
	private static final Map<String, String> ERRORS = Map.ofEntries(Map.entry("GET /v1/models", AUTH + "500 503"),
			Map.entry("GET /v1/info", AUTH), Map.entry("GET /v1/config", AUTH), Map.entry("GET /metrics", AUTH),
			Map.entry("POST /v1/query", AUTH + "404 413 422 429 500 503"),
			Map.entry("POST /v1/streaming_query", AUTH + "404 413 422 429 500 503"),
			Map.entry("POST /v1/feedback", AUTH + "404 413 422 500"), Map.entry("GET /v1/conversations", AUTH + "500"),
			Map.entry("GET /v1/conversations/{conversation_id}", AUTH + "404 422 500 503"),
			Map.entry("DELETE /v1/conversations/{conversation_id}", AUTH + "404 422 500 503"),
			Map.entry("GET /v2/conversations", AUTH + "500"),
			Map.entry("GET /v2/conversations/{conversation_id}", AUTH + "404 422 500 503"),
			Map.entry("PUT /v2/conversations/{conversation_id}", AUTH + "404 413 422 500"),
			Map.entry("DELETE /v2/conversations/{conversation_id}", AUTH + "404 422 500 503"),
			Map.entry("POST /authorized", AUTH + "500"), Map.entry("GET /v1/shields", AUTH + "500 503"),
			Map.entry("GET /readiness", "503"), Map.entry("GET /v1/readiness", "503"),
			Map.entry("POST /v1/streaming_query/interrupt", AUTH + "404 413 422"),
			Map.entry("GET /v1/mcp-servers", AUTH + "500"), Map.entry("POST /v1/mcp-servers", AUTH + "409 422 500 503"),
			Map.entry("DELETE /v1/mcp-servers/{name}", AUTH + "500 503"),
			Map.entry("GET /v1/mcp-auth/client-options", AUTH + "500"),
			Map.entry("GET /v1/admin/api-keys", ADMIN + "500"), Map.entry("POST /v1/admin/api-keys", ADMIN + "422 500"),
			// a key id the server's URL rules refuse (control characters) is a 400
			Map.entry("GET /v1/admin/api-keys/{key_id}", ADMIN + "400 404 500"),
			Map.entry("DELETE /v1/admin/api-keys/{key_id}", ADMIN + "400 404 500"),
			Map.entry("POST /v1/admin/api-keys/{key_id}/rotate", ADMIN + "400 404 409 500"),
			Map.entry("GET /v1/vector-stores", AUTH + "500 503"),
			Map.entry("POST /v1/vector-stores", AUTH + "400 422 500 503"),
			Map.entry("GET /v1/vector-stores/{vector_store_id}", AUTH + "404 500 503"),
			Map.entry("PUT /v1/vector-stores/{vector_store_id}", AUTH + "400 404 422 500 503"),
			Map.entry("DELETE /v1/vector-stores/{vector_store_id}", AUTH + "404 500 503"),
			Map.entry("GET /v1/vector-stores/{vector_store_id}/files", AUTH + "404 500 503"),
			Map.entry("POST /v1/vector-stores/{vector_store_id}/files", AUTH + "400 404 422 500 503"),
			Map.entry("GET /v1/vector-stores/{vector_store_id}/files/{file_id}", AUTH + "404 500 503"),
			Map.entry("DELETE /v1/vector-stores/{vector_store_id}/files/{file_id}", AUTH + "404 500 503"),
			Map.entry("POST /v1/files", AUTH + "413 422 500 503"),
			Map.entry("DELETE /v1/files/{file_id}", AUTH + "404 500 503"),
			Map.entry("GET /v1/providers", AUTH + "500 503"),
			Map.entry("GET /v1/providers/{provider_id}", AUTH + "404 500 503"),
			Map.entry("GET /v1/tools", AUTH + "500 503"), Map.entry("GET /v1/rags", AUTH + "500 503"),
			Map.entry("GET /v1/rags/{rag_id}", AUTH + "404 500 503"), Map.entry("GET /v1/prompts", AUTH + "500 503"),
			Map.entry("POST /v1/prompts", AUTH + "422 500 503"),
			Map.entry("GET /v1/prompts/{prompt_id}", AUTH + "404 422 500 503"),
			Map.entry("PUT /v1/prompts/{prompt_id}", AUTH + "404 422 500 503"),
			Map.entry("DELETE /v1/prompts/{prompt_id}", AUTH + "500 503"),
			Map.entry("PUT /v1/feedback/status", AUTH + "422 500"),
			Map.entry("PUT /v1/conversations/{conversation_id}", AUTH + "404 422 500"),
			Map.entry("POST /v1/responses", AUTH + "404 422 500 501 503"));

	// The handler names behind LCS 0.2.0's operation ids.
	private static final Map<String, String> HANDLERS = Map.ofEntries(Map.entry("GET /", "root_endpoint_handler"),
			Map.entry("GET /v1/info", "info_endpoint_handler"), Map.entry("GET /v1/models", "models_endpoint_handler"),
			Map.entry("POST /v1/query", "query_endpoint_handler"),
			Map.entry("POST /v1/streaming_query", "streaming_query_endpoint_handler"),
			Map.entry("GET /v1/config", "config_endpoint_handler"),
			Map.entry("POST /v1/feedback", "feedback_endpoint_handler"),
			Map.entry("GET /v1/feedback/status", "feedback_status"),
			Map.entry("GET /v1/conversations", "get_conversations_list_endpoint_handler"),
			Map.entry("GET /v1/conversations/{conversation_id}", "get_conversation_endpoint_handler"),
			Map.entry("DELETE /v1/conversations/{conversation_id}", "delete_conversation_endpoint_handler"),
			Map.entry("GET /readiness", "readiness_probe_get_method"),
			Map.entry("GET /liveness", "liveness_probe_get_method"),
			Map.entry("GET /v1/readiness", "readiness_probe_get_method"),
			Map.entry("GET /v1/liveness", "liveness_probe_get_method"),
			Map.entry("POST /authorized", "authorized_endpoint_handler"),
			Map.entry("GET /metrics", "metrics_endpoint_handler"),
			Map.entry("GET /v2/conversations", "get_conversations_list_endpoint_handler"),
			Map.entry("GET /v2/conversations/{conversation_id}", "get_conversation_endpoint_handler"),
			Map.entry("PUT /v2/conversations/{conversation_id}", "update_conversation_endpoint_handler"),
			Map.entry("DELETE /v2/conversations/{conversation_id}", "delete_conversation_endpoint_handler"),
			Map.entry("GET /v1/shields", "shields_endpoint_handler"),
			Map.entry("POST /v1/streaming_query/interrupt", "stream_interrupt_endpoint_handler"),
			Map.entry("GET /v1/mcp-servers", "list_mcp_servers_handler"),
			Map.entry("POST /v1/mcp-servers", "register_mcp_server_handler"),
			Map.entry("DELETE /v1/mcp-servers/{name}", "delete_mcp_server_handler"),
			Map.entry("GET /v1/mcp-auth/client-options", "get_mcp_client_auth_options"),
			Map.entry("GET /v1/vector-stores", "list_vector_stores"),
			Map.entry("POST /v1/vector-stores", "create_vector_store"),
			Map.entry("GET /v1/vector-stores/{vector_store_id}", "get_vector_store"),
			Map.entry("PUT /v1/vector-stores/{vector_store_id}", "update_vector_store"),
			Map.entry("DELETE /v1/vector-stores/{vector_store_id}", "delete_vector_store"),
			Map.entry("GET /v1/vector-stores/{vector_store_id}/files", "list_vector_store_files"),
			Map.entry("POST /v1/vector-stores/{vector_store_id}/files", "add_file_to_vector_store"),
			Map.entry("GET /v1/vector-stores/{vector_store_id}/files/{file_id}", "get_vector_store_file"),
			Map.entry("DELETE /v1/vector-stores/{vector_store_id}/files/{file_id}", "delete_vector_store_file"),
			Map.entry("POST /v1/files", "create_file"), Map.entry("DELETE /v1/files/{file_id}", "delete_file"),
			Map.entry("GET /v1/providers", "providers_endpoint_handler"),
			Map.entry("GET /v1/providers/{provider_id}", "get_provider_endpoint_handler"),
			Map.entry("GET /v1/tools", "tools_endpoint_handler"), Map.entry("GET /v1/rags", "rags_endpoint_handler"),
			Map.entry("GET /v1/rags/{rag_id}", "get_rag_endpoint_handler"),
			Map.entry("GET /v1/prompts", "list_prompts_handler"),
			Map.entry("POST /v1/prompts", "create_prompt_handler"),
			Map.entry("GET /v1/prompts/{prompt_id}", "get_prompt_handler"),
			Map.entry("PUT /v1/prompts/{prompt_id}", "update_prompt_handler"),
			Map.entry("DELETE /v1/prompts/{prompt_id}", "delete_prompt_handler"),
			Map.entry("PUT /v1/feedback/status", "update_feedback_status"),
			Map.entry("PUT /v1/conversations/{conversation_id}", "update_conversation_endpoint_handler"),
			Map.entry("POST /v1/responses", "responses_endpoint_handler"));

	private static final JsonNode UPSTREAM_PATHS = upstreamPaths();

	private OpenApiOperations() {
	}

	static void apply(OpenAPI openApi) {
		if (openApi.getPaths() == null) {
			return;
		}
		openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			String key = method.name() + " " + path;
			String handler = HANDLERS.getOrDefault(key, operation.getOperationId().replaceFirst("_\\d+$", ""));
			operation.setTags(List.of(tag(path)));
			// FastAPI's scheme: handler name, path with non-word characters as _, method.
			operation
				.setOperationId(handler + path.replaceAll("\\W", "_") + "_" + method.name().toLowerCase(Locale.ROOT));
			operation.setSummary(summary(handler));
			ApiResponses responses = operation.getResponses();
			ApiResponse ok = responses.get("200");
			if (ok != null && "OK".equals(ok.getDescription())) {
				ok.setDescription("Successful Response");
			}
			if (ok != null && key.equals("GET /")) {
				// the index page, whatever the client accepts
				ok.setContent(new Content().addMediaType("text/html", new MediaType().schema(new StringSchema())));
			}
			if (ok != null && ok.getContent() != null && ok.getContent().get("text/event-stream") != null) {
				// what each event of the stream is: one data line holding a JSON object
				ok.getContent()
					.get("text/event-stream")
					.setSchema(new ObjectSchema().addProperty("data",
							new StringSchema().contentMediaType("application/json")));
			}
			if (operation.getParameters() != null) {
				// a conversation id is a UUID: say so, as the service checks it
				operation.getParameters()
					.stream()
					.filter((parameter) -> "conversation_id".equals(parameter.getName()))
					.forEach((parameter) -> parameter.getSchema().setFormat("uuid"));
			}
			for (String status : ERRORS.getOrDefault(key, "").split(" ")) {
				if (!status.isEmpty() && !responses.containsKey(status)) {
					responses.addApiResponse(status, error(status, path));
				}
			}
			if (ok != null && !"Successful Response".equals(ok.getDescription())
					&& operation.getDescription() == null) {
				// ours says more than 0.2.0's (the stream's events): kept as the
				// operation's
				operation.setDescription(ok.getDescription());
			}
			upstream(path, method).properties().forEach((entry) -> {
				ApiResponse response = responses.computeIfAbsent(entry.getKey(),
						(status) -> upstreamResponse(status, path, entry.getValue()));
				response.setDescription(entry.getValue().path("description").asString());
			});
		}));
	}

	// FastAPI's summary: the handler's name, words capitalised.
	private static String summary(String handler) {
		return Arrays.stream(handler.split("_"))
			.map((word) -> word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1))
			.collect(Collectors.joining(" "));
	}

	// 0.2.0's responses of an operation; the /v1 probes are its unversioned ones.
	private static JsonNode upstream(String path, PathItem.HttpMethod method) {
		String upstreamPath = path.matches("/v1/(readiness|liveness)") ? path.substring(3) : path;
		return UPSTREAM_PATHS.path(upstreamPath).path(method.name().toLowerCase(Locale.ROOT)).path("responses");
	}

	// A status 0.2.0 lists that this service does not produce: its schema, or ours.
	private static ApiResponse upstreamResponse(String status, String path, JsonNode upstream) {
		String ref = upstream.at("/content/application~1json/schema/$ref").asString("");
		return ref.isEmpty() ? error(status, path) : json("", ref.substring(ref.lastIndexOf('/') + 1));
	}

	private static JsonNode upstreamPaths() {
		try (InputStream in = OpenApiOperations.class.getResourceAsStream("/openapi/upstream-openapi-0.2.0.json")) {
			return JsonMapper.builder().build().readTree(in).path("paths");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String tag(String path) {
		String name = path.replaceFirst("^/v\\d+", "").replaceFirst("^/", "").replaceFirst("/.*", "");
		return switch (name) {
			case "" -> "root";
			case "readiness", "liveness" -> "health";
			default -> name;
		};
	}

	private static ApiResponse error(String status, String path) {
		if (path.endsWith("/readiness")) {
			return json("Service is not ready", "ReadinessResponse");
		}
		return switch (status) {
			case "400", "401" -> json("Missing or invalid credentials provided by client", "UnauthorizedResponse");
			case "403" -> json("User is not authorized", "ForbiddenResponse");
			case "404" -> json("Not Found", "ErrorResponse");
			case "409" -> json("Conflict", "ErrorResponse");
			case "413" -> json("Content Too Large", "ErrorResponse");
			case "429" -> json("Token quota or request rate exceeded", "ErrorResponse");
			case "501" -> json("Not Implemented", "ErrorResponse");
			case "422" -> json("Validation Error", "HTTPValidationError");
			case "503" -> json("Service Unavailable", "ErrorResponse");
			default -> json("Internal Server Error", "ErrorResponse");
		};
	}

	private static ApiResponse json(String description, String schema) {
		return new ApiResponse().description(description)
			.content(new Content().addMediaType("application/json",
					new MediaType().schema(OpenApiErrorSchemas.reference(schema))));
	}

}
