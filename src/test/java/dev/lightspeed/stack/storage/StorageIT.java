package dev.lightspeed.stack.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.conversations.ConversationStore;
import dev.lightspeed.stack.llamastack.LlamaStackBackend;
import dev.lightspeed.stack.support.ConnectedLlamaStack;
import dev.lightspeed.stack.support.TestConfigurations;
import dev.lightspeed.stack.transcripts.Transcript;
import dev.lightspeed.stack.transcripts.TranscriptStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

/**
 * The storage features wired as the application wires them: the database from the
 * configuration migrated at start-up, the real security chain (noop module, so
 * {@code ?user_id=} names the caller), feedback in files and the database, transcripts.
 */
@SpringBootTest(properties = "lightspeed.feedback.store-in-database=true")
@AutoConfigureMockMvc
@Import({ StorageIT.Configuration.class, ConnectedLlamaStack.class })
class StorageIT {

	private static final String ID = "123e4567-e89b-12d3-a456-426614174000";

	@TempDir
	static Path directory;

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private ConversationStore conversations;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TranscriptStore transcripts;

	@MockitoBean
	private LlamaStackBackend backend;

	@Test
	void feedbackIsWrittenToAFileAndTheDatabase() throws IOException {
		this.conversations.recordTurn(ID, "alice", "gpt-4o-mini", "openai", "s1");
		assertThat(this.mvc.post()
			.uri("/v1/feedback?user_id=alice")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"conversation_id\": \"" + ID + "\", \"user_question\": \"q\", \"llm_response\": \"r\", "
					+ "\"sentiment\": 1}"))
			.hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo("{\"response\":\"feedback received\"}");
		try (Stream<Path> files = Files.list(directory.resolve("feedback"))) {
			assertThat(files.toList()).singleElement()
				.satisfies((file) -> assertThat(Files.readString(file)).startsWith("{\"user_id\": \"alice\", "));
		}
		assertThat(this.jdbc.sql("SELECT user_id FROM user_feedback").query(String.class).list()).contains("alice");
	}

	@Test
	void conversationsAreListedForTheirOwnerOnly() {
		this.conversations.recordTurn(ID, "alice", "gpt-4o-mini", "openai", "s1");
		given(this.backend.history(org.mockito.ArgumentMatchers.any())).willReturn(Optional.empty());
		assertThat(this.mvc.get().uri("/v2/conversations?user_id=alice")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.conversations[0].conversation_id")
			.isEqualTo(ID);
		assertThat(this.mvc.get().uri("/v1/conversations?user_id=bob")).hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo("{\"conversations\":[]}");
		assertThat(this.mvc.get().uri("/v1/conversations/" + ID + "?user_id=bob")).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void transcriptsAreWrittenUnderTheUserAndConversation() throws IOException {
		this.transcripts
			.store(new Transcript("alice", ID, "openai", "gpt-4o-mini", null, null, "q", "a", List.of(), List.of()));
		try (Stream<Path> files = Files.list(directory.resolve("transcripts/alice/" + ID))) {
			assertThat(files.toList()).singleElement()
				.satisfies((file) -> assertThat(file.getFileName().toString()).matches("[0-9a-f-]{36}\\.json"));
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Configuration {

		@Bean
		LightspeedConfiguration lightspeedConfiguration() {
			return TestConfigurations.yaml("""
					name: test
					service: {}
					llama_stack:
					  url: http://localhost:8321
					user_data_collection:
					  feedback_enabled: true
					  feedback_storage: %s/feedback
					  transcripts_enabled: true
					  transcripts_storage: %s/transcripts
					database:
					  sqlite:
					    db_path: %s/lightspeed.db
					""".formatted(directory, directory, directory));
		}

	}

}
