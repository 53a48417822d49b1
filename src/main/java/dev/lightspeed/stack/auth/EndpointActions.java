package dev.lightspeed.stack.auth;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.lightspeed.stack.config.Action;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The action each endpoint takes, as LCS's {@code @authorize} decorators name them. The
 * probes, {@code /v1/feedback/status}, {@code /authorized}, the OpenAPI document and the
 * admin API (which has a credential of its own) take none.
 */
final class EndpointActions {

	private static final Map<RequestMatcher, Action> ACTIONS = actions();

	private EndpointActions() {
	}

	private static Map<RequestMatcher, Action> actions() {
		PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
		Map<RequestMatcher, Action> actions = new LinkedHashMap<>();
		actions.put(path.matcher(HttpMethod.POST, "/v1/query"), Action.QUERY);
		actions.put(path.matcher(HttpMethod.POST, "/v1/streaming_query"), Action.STREAMING_QUERY);
		actions.put(path.matcher(HttpMethod.POST, "/v1/streaming_query/interrupt"), Action.STREAMING_QUERY);
		actions.put(path.matcher(HttpMethod.POST, "/v1/responses"), Action.RESPONSES);
		for (String store : new String[] { "/v1/vector-stores", "/v1/vector-stores/{id}",
				"/v1/vector-stores/{id}/files", "/v1/vector-stores/{id}/files/{fileId}" }) {
			actions.put(path.matcher(HttpMethod.GET, store), Action.READ_VECTOR_STORES);
			actions.put(path.matcher(store), Action.MANAGE_VECTOR_STORES);
		}
		actions.put(path.matcher(HttpMethod.POST, "/v1/files"), Action.MANAGE_FILES);
		actions.put(path.matcher(HttpMethod.DELETE, "/v1/files/{id}"), Action.MANAGE_FILES);
		actions.put(path.matcher(HttpMethod.GET, "/v1/providers"), Action.LIST_PROVIDERS);
		actions.put(path.matcher(HttpMethod.GET, "/v1/providers/{id}"), Action.GET_PROVIDER);
		actions.put(path.matcher(HttpMethod.GET, "/v1/tools"), Action.GET_TOOLS);
		actions.put(path.matcher(HttpMethod.GET, "/v1/rags"), Action.LIST_RAGS);
		actions.put(path.matcher(HttpMethod.GET, "/v1/rags/{id}"), Action.GET_RAG);
		for (String prompts : new String[] { "/v1/prompts", "/v1/prompts/{id}" }) {
			actions.put(path.matcher(HttpMethod.GET, prompts), Action.READ_PROMPTS);
			actions.put(path.matcher(prompts), Action.MANAGE_PROMPTS);
		}
		actions.put(path.matcher(HttpMethod.PUT, "/v1/feedback/status"), Action.ADMIN);
		actions.put(path.matcher(HttpMethod.PUT, "/v1/conversations/{id}"), Action.UPDATE_CONVERSATION);
		actions.put(path.matcher(HttpMethod.GET, "/v1/mcp-servers"), Action.LIST_MCP_SERVERS);
		actions.put(path.matcher(HttpMethod.POST, "/v1/mcp-servers"), Action.REGISTER_MCP_SERVER);
		actions.put(path.matcher(HttpMethod.DELETE, "/v1/mcp-servers/{name}"), Action.DELETE_MCP_SERVER);
		actions.put(path.matcher(HttpMethod.GET, "/v1/mcp-auth/client-options"), Action.GET_TOOLS);
		actions.put(path.matcher(HttpMethod.POST, "/v1/feedback"), Action.FEEDBACK);
		for (String conversations : new String[] { "/v1/conversations", "/v2/conversations" }) {
			actions.put(path.matcher(HttpMethod.GET, conversations), Action.LIST_CONVERSATIONS);
			actions.put(path.matcher(HttpMethod.GET, conversations + "/{id}"), Action.GET_CONVERSATION);
			actions.put(path.matcher(HttpMethod.DELETE, conversations + "/{id}"), Action.DELETE_CONVERSATION);
		}
		actions.put(path.matcher(HttpMethod.PUT, "/v2/conversations/{id}"), Action.UPDATE_CONVERSATION);
		actions.put(path.matcher(HttpMethod.GET, "/v1/models"), Action.GET_MODELS);
		actions.put(path.matcher(HttpMethod.GET, "/v1/shields"), Action.GET_SHIELDS);
		actions.put(path.matcher(HttpMethod.GET, "/v1/config"), Action.GET_CONFIG);
		actions.put(path.matcher(HttpMethod.GET, "/metrics"), Action.GET_METRICS);
		actions.put(path.matcher(HttpMethod.GET, "/v1/info"), Action.INFO);
		actions.put(path.matcher(HttpMethod.GET, "/"), Action.INFO);
		actions.put(path.matcher(HttpMethod.GET, "/v1/health"), Action.INFO);
		actions.put(path.matcher(HttpMethod.GET, "/health"), Action.INFO);
		return actions;
	}

	/**
	 * The action a request takes.
	 * @param request the request
	 * @return the action, null for an endpoint without one
	 */
	static @Nullable Action of(HttpServletRequest request) {
		for (Map.Entry<RequestMatcher, Action> entry : ACTIONS.entrySet()) {
			if (entry.getKey().matches(request)) {
				return entry.getValue();
			}
		}
		return null;
	}

	/**
	 * Every endpoint that takes an action: with access rules, all of them authenticate
	 * their callers, as in LCS 0.3.
	 * @return the matcher
	 */
	static RequestMatcher all() {
		return new OrRequestMatcher(ACTIONS.keySet().toArray(RequestMatcher[]::new));
	}

}
