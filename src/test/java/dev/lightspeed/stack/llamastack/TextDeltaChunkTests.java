package dev.lightspeed.stack.llamastack;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.lightspeed.stack.llamastack.TurnEvent.TextDelta;
import dev.lightspeed.stack.support.Captures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The text-delta chunk read off its bytes: exactly what Llama Stack writes for nearly
 * every chunk, and nothing else, so {@link AgentTurnEvents} maps the rest from their tree
 * and both ways give the same events.
 */
class TextDeltaChunkTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String HEAD = "{\"event\":{\"payload\":{\"event_type\":\"step_progress\",\"step_type\":\"inference\","
			+ "\"step_id\":\"b95d6f4b-1373-4fb9-b4c5-4bfb94a985f0\",\"delta\":{\"type\":\"text\",\"text\":";

	private static byte[] bytes(String json) {
		return json.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] delta(String text) {
		return bytes(HEAD + JSON.writeValueAsString(text) + "}}}}");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Kubernetes is ", "", " ", "line\nbreak \"quoted\" \\ back/slash\ttab", "Grüße, 世界 🚀",
			"\u0001 control" })
	void llamaStacksOwnFormShouldBeReadFromItsBytes(String text) {
		assertThat(TextDeltaChunk.read(JSON, delta(text))).isEqualTo(new TextDelta(text));
	}

	@Test
	void unicodeEscapesShouldBeDecodedAsInTheTree() {
		byte[] chunk = bytes(HEAD + "\"caf\\u00e9 \\ud83d\\ude80\"}}}}");

		assertThat(TextDeltaChunk.read(JSON, chunk)).isEqualTo(new TextDelta("café 🚀"));
	}

	@Test
	void everyTextDeltaOfARealTurnStreamShouldBeReadFromItsBytes() throws IOException {
		SseEventData events = new SseEventData(new ByteArrayInputStream(Captures.of("plain.sse")));
		List<TextDelta> read = new ArrayList<>();
		List<TurnEvent> mapped = new ArrayList<>();
		for (byte[] data = events.next(); data != null; data = events.next()) {
			TextDelta delta = TextDeltaChunk.read(JSON, data);
			if (delta != null) {
				read.add(delta);
			}
			AgentTurnEvents.map(data).stream().filter(TextDelta.class::isInstance).forEach(mapped::add);
		}
		assertThat(read).hasSizeGreaterThan(5).isEqualTo(mapped);
	}

	@ParameterizedTest
	@ValueSource(strings = {
			// the same delta spelled otherwise: valid JSON, so the tree reads it
			"{\"event\":{\"payload\":{\"delta\":{\"text\":\"7\",\"type\":\"text\"},\"step_id\":\"s2\",\"step_type\":\"inference\",\"event_type\":\"step_progress\"}}}",
			"{\"event\": {\"payload\": {\"event_type\": \"step_progress\", \"step_type\": \"inference\", \"step_id\": \"s2\", \"delta\": {\"type\": \"text\", \"text\": \"7\"}}}}",
			"{\"event\":{\"payload\":{\"event_type\":\"step_progress\",\"step_type\":\"inference\",\"delta\":{\"type\":\"text\",\"text\":\"7\"}}}}",
			"{\"event\":{\"payload\":{\"event_type\":\"step_progress\",\"step_type\":\"inference\",\"step_id\":\"s\\u0032\",\"delta\":{\"type\":\"text\",\"text\":\"7\"}}}}",
			"{\"event\":{\"payload\":{\"event_type\":\"step_progress\",\"step_type\":\"inference\",\"step_id\":\"s2\",\"delta\":{\"type\":\"text\",\"text\":7}}}}",
			"{\"event\":{\"payload\":{\"event_type\":\"step_progress\",\"step_type\":\"inference\",\"step_id\":\"s2\",\"delta\":{\"type\":\"text\",\"text\":\"7\"}}}}\n" })
	void otherSpellingsShouldBeLeftToTheTreeAndGiveTheSameDelta(String chunk) {
		assertThat(TextDeltaChunk.read(JSON, bytes(chunk))).isNull();
		assertThat(AgentTurnEvents.map(bytes(chunk))).containsExactly(new TextDelta("7"));
	}

	@ParameterizedTest
	@ValueSource(strings = {
			// other events, steps and deltas
			"{\"event\":{\"payload\":{\"event_type\":\"step_start\",\"step_type\":\"inference\",\"step_id\":\"s2\"}}}",
			"{\"event\":{\"payload\":{\"event_type\":\"step_progress\",\"step_type\":\"tool_execution\",\"step_id\":\"s2\",\"delta\":{\"type\":\"text\",\"text\":\"x\"}}}}",
			"{\"event\":{\"payload\":{\"event_type\":\"step_progress\",\"step_type\":\"inference\",\"step_id\":\"s2\",\"delta\":{\"type\":\"tool_call\",\"tool_call\":\"knowledge_search\",\"parse_status\":\"in_progress\"}}}}",
			"{\"error\":{\"message\":\"502: Failed to connect\"}}",
			// the delta with more in it, or after it
			"{\"event\":{\"payload\":{\"event_type\":\"step_progress\",\"step_type\":\"inference\",\"step_id\":\"s2\",\"delta\":{\"type\":\"text\",\"text\":\"x\",\"extra\":1}}}}",
			"{\"event\":{\"payload\":{\"event_type\":\"step_progress\",\"step_type\":\"inference\",\"step_id\":\"s2\",\"delta\":{\"type\":\"text\",\"text\":\"x\"}}},\"error\":{\"message\":\"boom\"}}",
			"{\"event\":{\"payload\":{\"event_type\":\"step_progress\",\"step_type\":\"inference\",\"step_id\":\"s2\",\"delta\":{\"type\":\"text\",\"text\":\"x\"}}}} {}",
			// not JSON
			"{\"event\":{\"payload\":{\"event_type\":\"step_progress\",\"step_type\":\"inference\",\"step_id\":\"s2\",\"delta\":{\"type\":\"text\",\"text\":\"x",
			"{\"event\":{\"payload\":{\"event_type\":\"step_progress\",\"step_type\":\"inference\",\"step_id\":\"s2\",\"delta\":{\"type\":\"text\",\"text\":\"bad \\q escape\"}}}}",
			"[DONE]", "" })
	void anythingElseShouldBeLeftToTheTree(String chunk) {
		assertThat(TextDeltaChunk.read(JSON, bytes(chunk))).isNull();
	}

	@Test
	void rawControlCharactersShouldBeLeftToTheTreeWhichRejectsThem() {
		byte[] chunk = bytes(HEAD + "\"tab\there\"}}}}");

		assertThat(TextDeltaChunk.read(JSON, chunk)).isNull();
	}

}
