package dev.lightspeed.stack.feedback;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import dev.lightspeed.stack.auth.AuthenticatedUser;
import dev.lightspeed.stack.config.UserDataCollectionConfig;
import dev.lightspeed.stack.conversations.ConversationAccess;
import dev.lightspeed.stack.errors.ApiException;
import dev.lightspeed.stack.json.PythonJson;
import dev.lightspeed.stack.storage.AtomicFiles;
import dev.lightspeed.stack.storage.PythonDateTimes;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Stores a submission about one of the caller's conversations (LCS 0.4.0 checks that;
 * 0.2.0 took any id) as {@code <feedback_storage>/<uuid4>.json} (written atomically) and,
 * when switched on, as a database row.
 */
@Service
class FeedbackService {

	private static final Logger logger = LoggerFactory.getLogger(FeedbackService.class);

	private final UserDataCollectionConfig config;

	private final @Nullable JdbcFeedbackStore database;

	private final Clock clock;

	private final Supplier<UUID> uuids;

	private final ConversationAccess conversations;

	// PUT /v1/feedback/status switches it while the service runs (LCS 0.3.0), per replica
	private final AtomicBoolean enabled;

	// A property read at start-up, not a condition on the store bean: conditions are
	// decided when the jar is built (Spring AOT), properties when the service starts.
	@Autowired
	FeedbackService(UserDataCollectionConfig config, JdbcFeedbackStore database,
			@Value("${lightspeed.feedback.store-in-database:false}") boolean storeInDatabase,
			ConversationAccess conversations) {
		this(config, storeInDatabase ? database : null, Clock.systemUTC(), UUID::randomUUID, conversations);
	}

	FeedbackService(UserDataCollectionConfig config, @Nullable JdbcFeedbackStore database, Clock clock,
			Supplier<UUID> uuids, ConversationAccess conversations) {
		this.config = config;
		this.conversations = conversations;
		this.database = database;
		this.clock = clock;
		this.uuids = uuids;
		this.enabled = new AtomicBoolean(config.feedbackEnabled());
	}

	boolean enabled() {
		return this.enabled.get();
	}

	/**
	 * Switches feedback on or off until the service stops.
	 * @param on the new state
	 * @return the state before
	 */
	boolean enable(boolean on) {
		if (on && this.config.feedbackStorage() == null) {
			throw ApiException.of(HttpStatus.BAD_REQUEST, "Feedback cannot be enabled",
					"user_data_collection.feedback_storage is not configured");
		}
		return this.enabled.getAndSet(on);
	}

	Clock clock() {
		return this.clock;
	}

	void store(AuthenticatedUser user, FeedbackRequest request) {
		// feedback is the caller's own: no action opens other users' conversations to it
		this.conversations.owned(user, request.conversationId(), null);
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		UUID id = this.uuids.get();
		StoredFeedback feedback = new StoredFeedback(user.userId(), PythonDateTimes.str(now), request.conversationId(),
				request.userQuestion(), request.llmResponse(), request.sentimentValue(), request.userFeedback(),
				request.categories());
		try {
			// Checked at start-up when feedback is enabled.
			Path directory = Path.of(String.valueOf(this.config.feedbackStorage()));
			AtomicFiles.writeString(directory.resolve(id + ".json"), PythonJson.write(feedback));
			if (this.database != null) {
				this.database.insert(id, now, feedback);
			}
		}
		catch (IOException | RuntimeException ex) {
			logger.error("Error storing user feedback: {}", ex.toString());
			throw ApiException.of(HttpStatus.INTERNAL_SERVER_ERROR, "Error storing user feedback", errorText(ex));
		}
	}

	private static String errorText(Exception ex) {
		String message = ex.getMessage();
		return (message != null) ? ex.getClass().getSimpleName() + ": " + message : ex.getClass().getSimpleName();
	}

}
