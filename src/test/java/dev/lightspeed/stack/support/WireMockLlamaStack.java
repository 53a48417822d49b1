package dev.lightspeed.stack.support;

import com.github.tomakehurst.wiremock.WireMockServer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A WireMock Llama Stack 0.2.22 that answers a whole query through the Agents API: one
 * LLM ({@code vllm/fake-model}) and one embedding model, no shields, no vector stores,
 * agent {@link #AGENT} with session {@code s}, and the turn recorded in
 * {@code e2e/captures/0.2.22/plain.sse}.
 */
public final class WireMockLlamaStack {

	/** The agent id, which is the conversation id. */
	public static final String AGENT = "0b8a5a4e-3bd2-4e8c-9d4c-6f1e2b6a7c10";

	private WireMockLlamaStack() {
	}

	/**
	 * Starts a server answering queries.
	 * @return the started server
	 */
	public static WireMockServer start() {
		WireMockServer server = new WireMockServer(options().dynamicPort());
		server.start();
		stubQueries(server);
		return server;
	}

	/**
	 * (Re)installs the stubs, for example after {@code resetAll()}.
	 * @param server the server
	 */
	public static void stubQueries(WireMockServer server) {
		LlamaStackStub.stubVersion(server);
		server.stubFor(get("/v1/models").willReturn(okJson("{\"data\":[{\"identifier\":\"vllm/fake-model\","
				+ "\"provider_resource_id\":\"fake-model\",\"provider_id\":\"vllm\",\"type\":\"model\","
				+ "\"metadata\":{},\"model_type\":\"llm\"},{\"identifier\":\"all-MiniLM-L6-v2\","
				+ "\"provider_resource_id\":\"all-MiniLM-L6-v2\",\"provider_id\":\"sentence-transformers\","
				+ "\"type\":\"model\",\"metadata\":{},\"model_type\":\"embedding\"}]}")));
		server.stubFor(get("/v1/shields").willReturn(okJson("{\"data\":[]}")));
		server.stubFor(get("/v1/vector-dbs").willReturn(okJson("{\"data\":[]}")));
		server.stubFor(get("/v1/toolgroups").willReturn(okJson("{\"data\":[]}")));
		server.stubFor(post("/v1/toolgroups").willReturn(okJson("null")));
		server.stubFor(post("/v1/agents").willReturn(okJson("{\"agent_id\":\"" + AGENT + "\"}")));
		server.stubFor(post(urlPathMatching("/v1/agents/[^/]+/session")).willReturn(okJson("{\"session_id\":\"s\"}")));
		server.stubFor(post("/v1/openai/v1/chat/completions").willReturn(okJson("{\"choices\":[{\"index\":0,"
				+ "\"message\":{\"role\":\"assistant\",\"content\":\"Kubernetes\"},\"finish_reason\":\"stop\"}]}")));
		server.stubFor(post(urlPathMatching("/v1/agents/[^/]+/session/s/turn")).willReturn(
				aResponse().withHeader("Content-Type", "text/event-stream").withBody(Captures.of("plain.sse"))));
	}

}
