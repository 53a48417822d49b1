package dev.lightspeed.stack.transcripts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import dev.lightspeed.stack.config.UserDataCollectionConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class FileTranscriptStoreTests {

	private static final String FILE_ID = "9f1c2e3d-4b5a-4c6d-8e7f-0a1b2c3d4e5f";

	/** LCS 0.2.0 §7.2, byte for byte. */
	private static final String EXPECTED = "{\"metadata\": {\"provider\": \"openai\", \"model\": \"gpt-4o-mini\", "
			+ "\"query_provider\": \"openai\", \"query_model\": \"gpt-4o-mini\", \"user_id\": \"user123\", "
			+ "\"conversation_id\": \"123e4567-e89b-12d3-a456-426614174000\", "
			+ "\"timestamp\": \"2025-08-20T10:11:12.123456+00:00\"}, \"redacted_query\": \"What is OpenStack?\", "
			+ "\"query_is_valid\": true, \"llm_response\": \"LLM answer\", \"rag_chunks\": [], \"truncated\": false, "
			+ "\"attachments\": [{\"attachment_type\": \"log\", \"content_type\": \"text/plain\", "
			+ "\"content\": \"this is attachment\"}], \"tool_calls\": [{\"id\": \"123\", \"name\": \"test-tool\", "
			+ "\"args\": \"testing\", \"response\": \"tool response\"}]}";

	@TempDir
	Path root;

	private FileTranscriptStore store(boolean enabled) {
		UserDataCollectionConfig config = new UserDataCollectionConfig(false, null, enabled, this.root.toString(),
				null);
		Clock clock = Clock.fixed(Instant.parse("2025-08-20T10:11:12.123456Z"), ZoneOffset.UTC);
		return new FileTranscriptStore(config, clock, () -> UUID.fromString(FILE_ID));
	}

	private static Transcript transcript(String userId, String conversationId) {
		return new Transcript(userId, conversationId, "openai", "gpt-4o-mini", "openai", "gpt-4o-mini",
				"What is OpenStack?", "LLM answer",
				List.of(new Transcript.Attachment("log", "text/plain", "this is attachment")),
				List.of(new Transcript.ToolCall("123", "test-tool", JsonNodeFactory.instance.stringNode("testing"),
						"tool response")));
	}

	@Test
	void writesTheLcsFileAtTheLcsPath() throws IOException {
		store(true).store(transcript("user123", "123e4567-e89b-12d3-a456-426614174000"));
		Path file = this.root.resolve("user123/123e4567-e89b-12d3-a456-426614174000/" + FILE_ID + ".json");
		assertThat(Files.readString(file)).isEqualTo(EXPECTED);
		assertThat(files()).containsExactly(file);
	}

	@Test
	void nullsObjectArgumentsAndNonAsciiAreWrittenAsPythonDoes() throws IOException {
		var args = JsonNodeFactory.instance.objectNode().put("namespace", "démo");
		Transcript transcript = new Transcript("u", "c", "p", "m", null, null, "¿qué?", "answer", List.of(),
				List.of(new Transcript.ToolCall("1", "pods", args, null)));
		store(true).store(transcript);
		assertThat(Files.readString(this.root.resolve("u/c/" + FILE_ID + ".json")))
			.contains("\"query_provider\": null, \"query_model\": null")
			.contains("\"redacted_query\": \"\\u00bfqu\\u00e9?\"")
			.contains("\"attachments\": [], \"tool_calls\": [{\"id\": \"1\", \"name\": \"pods\", "
					+ "\"args\": {\"namespace\": \"d\\u00e9mo\"}, \"response\": null}]");
	}

	@Test
	void writesNothingWhenTranscriptsAreDisabled() throws IOException {
		store(false).store(transcript("user123", "c1"));
		assertThat(files()).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "user:default/guest, user:default/guest",
			"system:serviceaccount:ns:name, " + "system:serviceaccount:ns:name", "jane@example.com, jane@example.com",
			"https://idp.example.com/users/42, https:/idp.example.com/users/42" })
	void userIdsBecomeDirectoriesAsLcsMakesThem(String userId, String directory) throws IOException {
		store(true).store(transcript(userId, "123e4567-e89b-12d3-a456-426614174000"));
		Path file = this.root.resolve(directory + "/123e4567-e89b-12d3-a456-426614174000/" + FILE_ID + ".json");
		assertThat(files()).containsExactly(file);
		assertThat(Files.readString(file)).contains("\"user_id\": \"" + userId + "\"");
	}

	@ParameterizedTest
	@CsvSource({ "../../etc, c1", "'', c1", "u/../../x, c1", "u/../etc, c1", "/, c1", "user123, ../c2", "user123, ..",
			"user123, '.'" })
	void idsThatWouldClimbOrNameNothingAreRefused(String userId, String conversationId, CapturedOutput output)
			throws IOException {
		Path outside = this.root.getParent().resolve("etc");
		store(true).store(transcript(userId, conversationId));
		assertThat(files()).isEmpty();
		assertThat(outside.resolve("c1")).doesNotExist();
		assertThat(output).contains("Transcript not stored: user id '" + userId + "' or conversation id '"
				+ conversationId + "' cannot name a directory below transcripts_storage");
	}

	@Test
	void controlCharactersAreRefusedAndLoggedEscaped(CapturedOutput output) throws IOException {
		store(true).store(transcript("eve\nINFO forged line", "c1"));
		assertThat(files()).isEmpty();
		assertThat(output).contains("user id 'eve\\u000aINFO forged line'");
	}

	@Test
	void aMissingRootIsCreated() throws IOException {
		Files.delete(this.root);
		store(true).store(transcript("u", "c"));
		assertThat(this.root.resolve("u/c/" + FILE_ID + ".json")).exists();
	}

	private List<Path> files() throws IOException {
		try (Stream<Path> walk = Files.walk(this.root)) {
			return walk.filter(Files::isRegularFile).toList();
		}
	}

}
