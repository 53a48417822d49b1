package dev.lightspeed.stack.support;

import java.nio.charset.StandardCharsets;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * A WireMock Llama Stack 0.5.4 (Responses API) answering with the bytes the real server
 * sent to the e2e harness ({@code e2e/captures/0.5.4/}): its catalogue, conversations, a
 * plain answer, an MCP tool call when the question names {@code list_pods}, a safe
 * moderation, items, deletion.
 */
public final class ResponsesLlamaStack {

	private static final String GENERATION = "0.5.4";

	private ResponsesLlamaStack() {
	}

	/**
	 * (Re)installs the stubs.
	 * @param server the server
	 */
	public static void stub(WireMockServer server) {
		server.stubFor(get("/v1/version").atPriority(1).willReturn(okJson(capture("version.json"))));
		server.stubFor(get("/v1/models").willReturn(okJson(capture("models.json"))));
		server.stubFor(get("/v1/shields").willReturn(okJson(capture("shields.json"))));
		server.stubFor(get("/v1/providers").willReturn(okJson(capture("providers.json"))));
		server.stubFor(get(urlPathEqualTo("/v1/vector_stores")).willReturn(okJson(capture("vector_stores.json"))));
		server.stubFor(post("/v1/conversations").willReturn(okJson(capture("conversation_create.json"))));
		server.stubFor(post("/v1/moderations").willReturn(okJson(capture("moderation_safe.json"))));
		server.stubFor(post("/v1/responses").withRequestBody(containing("\"stream\":false"))
			.willReturn(okJson(capture("plain.json"))));
		server.stubFor(post("/v1/responses").withRequestBody(containing("\"stream\":true"))
			.willReturn(sse("plain_stream.sse")));
		server.stubFor(post("/v1/responses").atPriority(1)
			.withRequestBody(containing("list_pods"))
			.withRequestBody(containing("\"stream\":true"))
			.willReturn(sse("mcp_stream.sse")));
		server.stubFor(get(urlPathMatching("/v1/conversations/conv_[0-9a-f]+/items"))
			.willReturn(okJson(capture("conversation_items.json"))));
		server.stubFor(post(urlPathMatching("/v1/conversations/conv_[0-9a-f]+/items"))
			.willReturn(okJson("{\"object\":\"list\",\"data\":[]}")));
		server.stubFor(delete(urlPathMatching("/v1/conversations/conv_[0-9a-f]+"))
			.willReturn(okJson(capture("conversation_delete.json"))));
	}

	/**
	 * A captured body of 0.5.4.
	 * @param name the file name
	 * @return its text
	 */
	public static String capture(String name) {
		return new String(Captures.of(GENERATION, name), StandardCharsets.UTF_8);
	}

	private static ResponseDefinitionBuilder sse(String name) {
		return aResponse().withHeader("Content-Type", "text/event-stream; charset=utf-8").withBody(capture(name));
	}

}
