package dev.lightspeed.stack.config;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The actions of {@code authorization.access_rules}, with LCS's names (LCS 0.7.1's list,
 * so that a configuration written for any LCS release is accepted). Actions of endpoints
 * this service does not have are accepted and grant nothing.
 */
public enum Action {

	/** Every action. */
	ADMIN,
	/** List every user's conversations. */
	LIST_OTHER_CONVERSATIONS,
	/** Read another user's conversation. */
	READ_OTHER_CONVERSATIONS,
	/** Continue another user's conversation. */
	QUERY_OTHER_CONVERSATIONS,
	/** Delete another user's conversation. */
	DELETE_OTHER_CONVERSATIONS,
	/** {@code POST /v1/query}. */
	QUERY,
	/** LCS's {@code /v1/responses}. */
	RESPONSES,
	/** {@code POST /v1/streaming_query}. */
	STREAMING_QUERY,
	/** Read one's own conversation. */
	GET_CONVERSATION,
	/** List one's own conversations. */
	LIST_CONVERSATIONS,
	/** Delete one's own conversation. */
	DELETE_CONVERSATION,
	/** Change one's own conversation's topic summary. */
	UPDATE_CONVERSATION,
	/** {@code POST /v1/feedback}. */
	FEEDBACK,
	/** {@code GET /v1/models}. */
	GET_MODELS,
	/** LCS's {@code /v1/tools}. */
	GET_TOOLS,
	/** {@code GET /v1/shields}. */
	GET_SHIELDS,
	/** LCS's {@code /v1/providers}. */
	LIST_PROVIDERS,
	/** LCS's {@code /v1/providers/{id}}. */
	GET_PROVIDER,
	/** LCS's {@code /v1/rags}. */
	LIST_RAGS,
	/** LCS's {@code /v1/rags/{id}}. */
	GET_RAG,
	/** {@code GET /metrics}. */
	GET_METRICS,
	/** {@code GET /v1/config}. */
	GET_CONFIG,
	/** {@code /}, {@code /v1/info}, {@code /v1/health}. */
	INFO,
	/** Choose the model or provider in a query. */
	MODEL_OVERRIDE,
	/** LCS's {@code /v1/infer}. */
	RLSAPI_V1_INFER,
	/** LCS's {@code POST /v1/mcp-servers}. */
	REGISTER_MCP_SERVER,
	/** LCS's {@code GET /v1/mcp-servers}. */
	LIST_MCP_SERVERS,
	/** LCS's {@code DELETE /v1/mcp-servers/{name}}. */
	DELETE_MCP_SERVER,
	/** LCS's A2A agent card. */
	A2A_AGENT_CARD,
	/** LCS's A2A tasks. */
	A2A_TASK_EXECUTION,
	/** LCS's A2A messages. */
	A2A_MESSAGE,
	/** LCS's A2A JSON-RPC. */
	A2A_JSONRPC,
	/** LCS's vector-store changes. */
	MANAGE_VECTOR_STORES,
	/** LCS's vector-store reads. */
	READ_VECTOR_STORES,
	/** LCS's file uploads. */
	MANAGE_FILES,
	/** LCS's {@code /v1/prompts} changes. */
	MANAGE_PROMPTS,
	/** LCS's {@code /v1/prompts} reads. */
	READ_PROMPTS,
	/** LCS's {@code /v1/saved-prompts}. */
	MANAGE_SAVED_PROMPTS;

	/**
	 * The name in the configuration.
	 * @return e.g. {@code streaming_query}
	 */
	@JsonValue
	public String configName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
