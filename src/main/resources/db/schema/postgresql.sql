-- The LCS 0.2.0 table; a database LCS created already has it.
CREATE TABLE IF NOT EXISTS user_conversation (
	id VARCHAR NOT NULL PRIMARY KEY,
	user_id VARCHAR NOT NULL,
	last_used_model VARCHAR NOT NULL,
	last_used_provider VARCHAR NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
	last_message_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
	message_count INTEGER DEFAULT 0 NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_user_conversation_user_id ON user_conversation (user_id);
-- Feedback kept in the database as well as in files (lightspeed.feedback.store-in-database).
CREATE TABLE IF NOT EXISTS user_feedback (
	id VARCHAR NOT NULL PRIMARY KEY,
	user_id VARCHAR NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	conversation_id VARCHAR NOT NULL,
	user_question TEXT NOT NULL,
	llm_response TEXT NOT NULL,
	sentiment INTEGER,
	user_feedback TEXT,
	categories TEXT
);
CREATE INDEX IF NOT EXISTS ix_user_feedback_conversation_id ON user_feedback (conversation_id);
-- When each turn of a conversation started and completed (epoch microseconds): the Responses API keeps no times.
CREATE TABLE IF NOT EXISTS conversation_turn (
	conversation_id VARCHAR NOT NULL,
	started_at BIGINT NOT NULL,
	completed_at BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_conversation_turn_conversation_id ON conversation_turn (conversation_id);
-- Who created each vector store and file through this service (kind vector_store or file): only they may change it.
CREATE TABLE IF NOT EXISTS knowledge_owner (
	kind VARCHAR NOT NULL,
	id VARCHAR NOT NULL,
	user_id VARCHAR NOT NULL,
	created_at BIGINT NOT NULL,
	PRIMARY KEY (kind, id)
);
CREATE INDEX IF NOT EXISTS ix_knowledge_owner_user_id ON knowledge_owner (user_id);
