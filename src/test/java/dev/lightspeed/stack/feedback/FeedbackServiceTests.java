package dev.lightspeed.stack.feedback;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import dev.lightspeed.stack.auth.AuthenticatedUser;
import dev.lightspeed.stack.config.UserDataCollectionConfig;
import dev.lightspeed.stack.conversations.ConversationAccess;
import dev.lightspeed.stack.errors.ApiException;
import dev.lightspeed.stack.errors.ErrorDetail;
import dev.lightspeed.stack.storage.DataSources;
import dev.lightspeed.stack.storage.DatabaseVendor;
import dev.lightspeed.stack.support.InMemoryConversationStore;
import dev.lightspeed.stack.support.TestDatabases;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FeedbackServiceTests {

	private static final UUID FILE_ID = UUID.fromString("0b5a8e9c-3f4d-4e2a-9c1b-7d6e5f4a3b2c");

	/** LCS 0.2.0 §7.1, byte for byte. */
	private static final String EXPECTED = "{\"user_id\": \"user-1\", \"timestamp\": "
			+ "\"2025-08-20 10:11:12.123456+00:00\", \"conversation_id\": \"12345678-abcd-0000-0123-456789abcdef\", "
			+ "\"user_question\": \"foo\", \"llm_response\": \"bar\", \"sentiment\": -1, "
			+ "\"user_feedback\": \"Not satisfied with the response quality.\", \"categories\": [\"incorrect\"]}";

	private static final AuthenticatedUser USER = new AuthenticatedUser("user-1", "user", false, "t");

	@TempDir
	Path directory;

	private final InMemoryConversationStore conversations = new InMemoryConversationStore();

	@BeforeEach
	void userOneHasTheConversation() {
		this.conversations.recordTurn("12345678-abcd-0000-0123-456789abcdef", USER.userId(), "m", "p", null);
	}

	private FeedbackService service(Path storage, String time, @Nullable JdbcFeedbackStore database) {
		UserDataCollectionConfig config = new UserDataCollectionConfig(true, storage.toString(), false, null, null);
		return new FeedbackService(config, database, Clock.fixed(Instant.parse(time), ZoneOffset.UTC), () -> FILE_ID,
				new ConversationAccess(this.conversations));
	}

	private static FeedbackRequest request() {
		return new FeedbackRequest("12345678-abcd-0000-0123-456789abcdef", "foo", "bar", BigInteger.valueOf(-1),
				"Not satisfied with the response quality.", List.of(FeedbackCategory.INCORRECT));
	}

	@Test
	void writesTheLcsFile() throws IOException {
		Path storage = this.directory.resolve("feedback");
		service(storage, "2025-08-20T10:11:12.123456Z", null).store(USER, request());
		assertThat(Files.readString(storage.resolve(FILE_ID + ".json"))).isEqualTo(EXPECTED);
		try (var files = Files.list(storage)) {
			assertThat(files).hasSize(1);
		}
	}

	@Test
	void unsetFieldsAreNullAndWholeSecondsHaveNoMicroseconds() throws IOException {
		Path storage = this.directory.resolve("feedback");
		service(storage, "2025-08-20T10:11:12Z", null).store(USER, new FeedbackRequest(
				"12345678-abcd-0000-0123-456789abcdef", "q", "r", BigInteger.valueOf(1), null, null));
		assertThat(Files.readString(storage.resolve(FILE_ID + ".json")))
			.contains("\"timestamp\": \"2025-08-20 10:11:12+00:00\"")
			.endsWith("\"sentiment\": 1, \"user_feedback\": null, \"categories\": null}");
	}

	@Test
	void feedbackOnAnotherUsersConversationIsRefusedAndNothingIsWritten() {
		Path storage = this.directory.resolve("feedback");
		AuthenticatedUser mallory = new AuthenticatedUser("mallory", "mallory", false, "t");
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> service(storage, "2025-08-20T10:11:12Z", null).store(mallory, request()))
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(HttpStatus.FORBIDDEN);
				assertThat(ex.detail()).isEqualTo(
						new ErrorDetail("Access denied", "You do not have permission to access this conversation"));
			});
		assertThat(storage).doesNotExist();
	}

	@Test
	void feedbackOnAnUnknownConversationIsNotFound() {
		Path storage = this.directory.resolve("feedback");
		FeedbackRequest unknown = new FeedbackRequest("00000000-abcd-0000-0123-456789abcdef", "q", "r", BigInteger.ONE,
				null, null);
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> service(storage, "2025-08-20T10:11:12Z", null).store(USER, unknown))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.NOT_FOUND));
		assertThat(storage).doesNotExist();
	}

	@Test
	void aStorageFailureIsA500WithLcsResponse() throws IOException {
		Path storage = this.directory.resolve("not-a-directory");
		Files.writeString(storage, "x");
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> service(storage, "2025-08-20T10:11:12Z", null).store(USER, request()))
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
				assertThat(ex.detail()).isInstanceOfSatisfying(ErrorDetail.class, (detail) -> {
					assertThat(detail.response()).isEqualTo("Error storing user feedback");
					assertThat(detail.cause()).contains(storage.toString());
				});
			});
	}

	@Test
	void feedbackIsAlsoStoredInTheDatabaseWhenSwitchedOn() {
		DataSource dataSource = TestDatabases.sqlite(this.directory);
		try {
			JdbcClient jdbc = JdbcClient.create(dataSource);
			JdbcFeedbackStore database = new JdbcFeedbackStore(jdbc, DatabaseVendor.SQLITE);
			service(this.directory.resolve("feedback"), "2025-08-20T10:11:12.5Z", database).store(USER, request());
			assertThat(jdbc
				.sql("SELECT id || '|' || user_id || '|' || created_at || '|' || sentiment || '|' || "
						+ "categories FROM user_feedback")
				.query(String.class)
				.single()).isEqualTo(FILE_ID + "|user-1|2025-08-20 10:11:12.500000|-1|[\"incorrect\"]");
		}
		finally {
			DataSources.close(dataSource);
		}
	}

	@Test
	void feedbackCannotBeSwitchedOnWithoutAPlaceToKeepIt() {
		FeedbackService off = new FeedbackService(new UserDataCollectionConfig(false, null, false, null, null), null,
				Clock.systemUTC(), UUID::randomUUID, new ConversationAccess(this.conversations));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> off.enable(true))
			.satisfies((ex) -> assertThat(ex.status().value()).isEqualTo(400));
		assertThat(off.enabled()).isFalse();
		assertThat(off.enable(false)).isFalse();
	}

}
