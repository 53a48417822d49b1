package dev.lightspeed.stack.feedback;

import java.time.OffsetDateTime;
import java.util.UUID;

import dev.lightspeed.stack.json.PythonJson;
import dev.lightspeed.stack.storage.DatabaseVendor;
import dev.lightspeed.stack.storage.Identifiers;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Keeps feedback in the {@code user_feedback} table too; {@link FeedbackService} uses it
 * when {@code lightspeed.feedback.store-in-database} is true. Categories are stored as
 * the JSON array the file has.
 */
@Repository
class JdbcFeedbackStore {

	private final JdbcClient jdbc;

	private final DatabaseVendor vendor;

	JdbcFeedbackStore(JdbcClient jdbc, DatabaseVendor vendor) {
		this.jdbc = jdbc;
		this.vendor = vendor;
	}

	void insert(UUID id, OffsetDateTime createdAt, StoredFeedback feedback) {
		this.jdbc.sql("""
				INSERT INTO user_feedback (id, user_id, created_at, conversation_id, user_question, llm_response,
					sentiment, user_feedback, categories)
				VALUES (:id, :userId, :createdAt, :conversationId, :question, :response, :sentiment, :feedback,
					:categories)
				""")
			.param("id", id.toString())
			.param("userId", Identifiers.requireStorable("user id", feedback.userId()))
			.param("createdAt", this.vendor.timestamp(createdAt))
			.param("conversationId", feedback.conversationId())
			.param("question", feedback.userQuestion())
			.param("response", feedback.llmResponse())
			.param("sentiment", feedback.sentiment())
			.param("feedback", feedback.userFeedback())
			.param("categories", (feedback.categories() != null) ? PythonJson.write(feedback.categories()) : null)
			.update();
	}

}
