package dev.lightspeed.stack.llamastack;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Llama Stack's JSON, as far as this service reads or writes it. Readers are lenient:
 * Llama Stack adds fields and emits many nulls.
 */
final class Wire {

	private Wire() {
	}

	/** Every list endpoint answers {@code {"data": [...]}}. */
	record Listing<T>(@Nullable List<T> data) {

		List<T> items() {
			return (this.data != null) ? this.data : List.of();
		}

	}

	record VersionInfo(@Nullable String version) {
	}

	record Identified(String identifier) {
	}

	record ToolGroupInfo(@JsonProperty("provider_resource_id") @Nullable String providerResourceId) {
	}

	record ToolGroupRegistration(@JsonProperty("toolgroup_id") String toolgroupId,
			@JsonProperty("provider_id") String providerId, @JsonProperty("mcp_endpoint") Endpoint mcpEndpoint) {
	}

	record Endpoint(String uri) {
	}

	record AgentRequest(@JsonProperty("agent_config") AgentConfig agentConfig) {
	}

	/** Only the keys LCS sends; Llama Stack's defaults apply to the rest. */
	record AgentConfig(String model, String instructions, List<Object> toolgroups,
			@JsonProperty("client_tools") List<Object> clientTools,
			@JsonProperty("enable_session_persistence") boolean enableSessionPersistence,
			@JsonProperty("input_shields") List<String> inputShields,
			@JsonProperty("output_shields") List<String> outputShields) {
	}

	record AgentCreated(@JsonProperty("agent_id") String agentId) {
	}

	record SessionRequest(@JsonProperty("session_name") String sessionName) {
	}

	record SessionCreated(@JsonProperty("session_id") String sessionId) {
	}

	record SessionInfo(@JsonProperty("session_id") String sessionId, @Nullable List<TurnInfo> turns) {
	}

	record TurnInfo(@JsonProperty("input_messages") @Nullable List<MessageInfo> inputMessages,
			@JsonProperty("output_message") @Nullable MessageInfo outputMessage,
			@JsonProperty("started_at") @Nullable String startedAt,
			@JsonProperty("completed_at") @Nullable String completedAt) {
	}

	record MessageInfo(@Nullable String role, @Nullable JsonNode content) {
	}

	record TurnRequest(List<UserMessage> messages, boolean stream, List<DocumentInfo> documents,
			@Nullable List<Object> toolgroups) {
	}

	record UserMessage(String role, String content) {
	}

	record DocumentInfo(String content, @JsonProperty("mime_type") String mimeType) {
	}

	record ToolGroupArgs(String name, RagArgs args) {
	}

	record RagArgs(@JsonProperty("vector_db_ids") List<String> vectorDbIds) {
	}

}
