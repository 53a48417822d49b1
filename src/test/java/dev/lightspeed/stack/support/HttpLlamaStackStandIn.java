package dev.lightspeed.stack.support;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.lightspeed.stack.config.McpServerConfig;
import dev.lightspeed.stack.llamastack.ChatTurn;
import dev.lightspeed.stack.llamastack.Conversation;
import dev.lightspeed.stack.llamastack.ConversationSpec;
import dev.lightspeed.stack.llamastack.LlamaStackApiException;
import dev.lightspeed.stack.llamastack.LlamaStackBackend;
import dev.lightspeed.stack.llamastack.LlamaStackUnavailableException;
import dev.lightspeed.stack.llamastack.Model;
import dev.lightspeed.stack.llamastack.ProviderHealth;
import dev.lightspeed.stack.llamastack.Shield;
import dev.lightspeed.stack.llamastack.TurnInput;
import dev.lightspeed.stack.llamastack.TurnStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The read-only part of {@link LlamaStackBackend} over HTTP, for integration tests that
 * run before the real client is in the build: models and provider health with Llama Stack
 * 0.2.x shapes. Once the real backend is a bean, integration tests should use it and drop
 * this.
 */
public class HttpLlamaStackStandIn implements LlamaStackBackend {

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	private final String baseUrl;

	public HttpLlamaStackStandIn(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	@Override
	public List<Model> models() {
		List<Model> models = new ArrayList<>();
		for (JsonNode item : get("/v1/models").path("data")) {
			models.add(new Model(item.path("identifier").asString(), item.path("provider_id").asString(),
					item.path("model_type").asString(null), (ObjectNode) item));
		}
		return models;
	}

	@Override
	public List<ProviderHealth> providers() {
		List<ProviderHealth> providers = new ArrayList<>();
		for (JsonNode item : get("/v1/providers").path("data")) {
			JsonNode health = item.path("health");
			providers.add(new ProviderHealth(item.path("provider_id").asString(),
					health.path("status").asString("unknown"), health.path("message").asString("")));
		}
		return providers;
	}

	private JsonNode get(String path) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.baseUrl + path)).GET().build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() >= 400) {
				throw new LlamaStackApiException(response.statusCode(), response.body());
			}
			return this.json.readTree(response.body());
		}
		catch (ConnectException ex) {
			throw new LlamaStackUnavailableException(LlamaStackUnavailableException.CONNECTION_ERROR);
		}
		catch (IOException ex) {
			throw new LlamaStackUnavailableException(LlamaStackUnavailableException.CONNECTION_ERROR);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LlamaStackUnavailableException(LlamaStackUnavailableException.TIMEOUT);
		}
	}

	@Override
	public List<Shield> shields() {
		throw new UnsupportedOperationException("not needed by these tests");
	}

	@Override
	public List<String> vectorStoreIds() {
		throw new UnsupportedOperationException("not needed by these tests");
	}

	@Override
	public void registerMcpServers(List<McpServerConfig> servers) {
	}

	@Override
	public Conversation createConversation(ConversationSpec spec) {
		throw new UnsupportedOperationException("not needed by these tests");
	}

	@Override
	public Optional<Conversation> findConversation(String conversationId) {
		throw new UnsupportedOperationException("not needed by these tests");
	}

	@Override
	public TurnStream streamTurn(Conversation conversation, TurnInput input) {
		throw new UnsupportedOperationException("not needed by these tests");
	}

	@Override
	public Optional<List<ChatTurn>> history(String conversationId) {
		throw new UnsupportedOperationException("not needed by these tests");
	}

	@Override
	public boolean deleteConversation(String conversationId) {
		throw new UnsupportedOperationException("not needed by these tests");
	}

}
