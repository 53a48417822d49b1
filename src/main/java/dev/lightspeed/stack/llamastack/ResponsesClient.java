package dev.lightspeed.stack.llamastack;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;

/**
 * {@link LlamaStackResponses} for the connected Llama Stack; 0.2.x serves only an
 * experimental copy under {@code /v1/openai/v1}, without conversations, so this service
 * asks for 0.3 or later.
 */
class ResponsesClient implements LlamaStackResponses {

	private static final SemanticVersion RESPONSES_API = SemanticVersion.of("0.3.0");

	private final LlamaStackHttp http;

	private final Supplier<SemanticVersion> version;

	private final Moderations moderations;

	ResponsesClient(LlamaStackHttp http, Supplier<SemanticVersion> version) {
		this.http = http;
		this.version = version;
		this.moderations = new Moderations(http);
	}

	private SemanticVersion supported() {
		SemanticVersion connected = this.version.get();
		if (connected.compareTo(RESPONSES_API) < 0) {
			throw new LlamaStackUnsupportedException("POST /v1/responses (the Responses API)", RESPONSES_API.text(),
					connected.text());
		}
		return connected;
	}

	@Override
	public void requireResponsesApi() {
		supported();
	}

	@Override
	public Optional<TurnEvent.Violation> moderate(List<Shield> shields, String text) {
		supported();
		return this.moderations.check(shields, text);
	}

	@Override
	public List<Object> tools(TurnInput.Tools tools) {
		return new ResponsesRequests(supported()).tools(tools);
	}

	@Override
	public ResponseEvents stream(Map<String, Object> body) {
		supported();
		return new ResponseEventStream(this.http.openStream("/v1/responses", body, Map.of()));
	}

	@Override
	public JsonNode respond(Map<String, Object> body) {
		supported();
		return this.http.post("/v1/responses", body, JsonNode.class);
	}

	@Override
	public String createConversation() {
		supported();
		String id = this.http.post("/v1/conversations", Map.of("metadata", Map.of()), JsonNode.class)
			.path("id")
			.stringValue("");
		if (!id.startsWith("conv_")) {
			throw UpstreamErrors.invalidReply("POST /v1/conversations gave no conversation id");
		}
		return id;
	}

	@Override
	public void addTurn(String conversationId, String question, String answer) {
		this.http.post("/v1/conversations/{conversationId}/items", Map.of("items", List
			.of(ResponsesApiBackend.message("user", question), ResponsesApiBackend.message("assistant", answer))),
				JsonNode.class, conversationId);
	}

}
