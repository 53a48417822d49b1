package dev.lightspeed.stack.clients;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The RHDH plugin's parser reproduces the quirks its description names, so that what the
 * live-stream tests see through it is what the plugin shows.
 */
class RhdhClientTests {

	private static final StreamClient V1_0 = new RhdhClient(RhdhClient.Version.V1_0);

	private static final StreamClient V1_2 = new RhdhClient(RhdhClient.Version.V1_2);

	private static final StreamClient V2 = new RhdhClient(RhdhClient.Version.V2);

	private static final String START = "data: {\"event\": \"start\", \"data\": {\"conversation_id\": \"c1\", "
			+ "\"request_id\": \"r1\"}}\n\n";

	private static final String END = "data: {\"event\": \"end\", \"data\": {\"referenced_documents\": "
			+ "[{\"doc_url\": \"https://d\", \"doc_title\": \"Doc\"}]}}\n\n";

	private static String token(String role, String text) {
		String roleField = (role != null) ? "\"role\": \"" + role + "\", " : "";
		return "data: {\"event\": \"token\", \"data\": {\"id\": 0, " + roleField + "\"token\": \"" + text + "\"}}\n\n";
	}

	@Test
	void aBlockThatIsNotJsonCompletesWithInvalidJsonAndReadingGoesOn() throws Exception {
		ClientView view = V1_2.read(NetworkChunks.delivered(START, ": keep-alive\n\n", token(null, "hi"), END));

		assertThat(view.error()).isEqualTo("Invalid JSON received");
		assertThat(view.text()).isEqualTo("hi");
		assertThat(view.finished()).isTrue();
	}

	@Test
	void eventsAndCharactersSplitBetweenChunksAreJoined() throws Exception {
		byte[] body = (START + token("inference", "caf\u00e9") + END).getBytes(StandardCharsets.UTF_8);
		// all ASCII before the accent: its first byte is at its character index
		int accent = START.length() + token("inference", "caf\u00e9").indexOf('\u00e9');
		ClientView view = V1_0.read(NetworkChunks.delivered(Arrays.copyOfRange(body, 0, accent + 1),
				Arrays.copyOfRange(body, accent + 1, body.length)));

		assertThat(view.text()).isEqualTo("caf\u00e9");
		assertThat(view.sources()).containsExactly(new ClientView.Source("Doc", "https://d"));
		assertThat(view.conversationId()).isEqualTo("c1");
	}

	@Test
	void dataLinesAreJoinedWithoutASeparatorAndThePrefixNeedsNoSpace() throws Exception {
		String split = "data:{\"event\": \"token\",\ndata: \"data\": {\"role\": \"inference\", \"token\": \"x\"}}\n\n";

		assertThat(V1_0.read(NetworkChunks.delivered(START, split, END)).text()).isEqualTo("x");
	}

	@Test
	void version1_0ShowsOnlyInferenceTokensLaterVersionsEveryToken() throws Exception {
		String[] body = { START, token("inference", "a"), token("shield_call", "b"), token(null, "c"), END };

		assertThat(V1_0.read(NetworkChunks.delivered(body)).text()).isEqualTo("a");
		assertThat(V1_2.read(NetworkChunks.delivered(body)).text()).isEqualTo("abc");
	}

	@Test
	void anUnterminatedLastEventIsNeverRead() throws Exception {
		ClientView view = V1_2.read(NetworkChunks.delivered(START, END.strip()));

		assertThat(view.finished()).isFalse();
		assertThat(view.sources()).isEmpty();
	}

	@Test
	void version2ReadsMcpStyleToolEventsAndStopsAtInterrupted() throws Exception {
		String call = "data: {\"event\": \"tool_call\", \"data\": {\"id\": \"fc_1\", \"name\": \"list_pods\", "
				+ "\"args\": {\"namespace\": \"demo\"}, \"type\": \"tool_call\"}}\n\n";
		String result = "data: {\"event\": \"tool_result\", \"data\": {\"id\": \"fc_1\", \"status\": \"failure\", "
				+ "\"content\": \"boom\", \"type\": \"tool_result\", \"round\": 1}}\n\n";
		String interrupted = "data: {\"event\": \"interrupted\", \"data\": {\"request_id\": \"r1\"}}\n\n";
		String[] body = { START, call, result, token(null, "partial"), interrupted, token(null, "late"), END };

		ClientView v2 = V2.read(NetworkChunks.delivered(body));
		assertThat(v2.tools()).containsExactly(
				new ClientView.ToolCard("fc_1", "list_pods", "{\"namespace\":\"demo\"}", "[failure] boom"));
		assertThat(v2.text()).isEqualTo("partial");
		assertThat(v2.stopped()).isTrue();
		assertThat(v2.requestId()).isEqualTo("r1");
		ClientView v12 = V1_2.read(NetworkChunks.delivered(body));
		assertThat(v12.tools()).isEmpty();
		assertThat(v12.text()).isEqualTo("partiallate");
		assertThat(v12.stopped()).isFalse();
		assertThat(v12.requestId()).isEmpty();
	}

	@Test
	void aResultInTheLcs03ShapeUpdatesTheCardOfItsIdOrToolName() throws Exception {
		String call = "data: {\"event\": \"tool_call\", \"data\": {\"id\": 3, \"token\": {\"tool_name\": \"t\", "
				+ "\"arguments\": {\"a\": 1}}}}\n\n";
		String result = "data: {\"event\": \"tool_result\", \"data\": {\"id\": 4, \"token\": {\"tool_name\": \"t\", "
				+ "\"response\": \"ok\"}}}\n\n";

		assertThat(V1_2.read(NetworkChunks.delivered(START, call, result, END)).tools())
			.containsExactly(new ClientView.ToolCard("3", "t", "{\"a\":1}", "ok"));
	}

}
