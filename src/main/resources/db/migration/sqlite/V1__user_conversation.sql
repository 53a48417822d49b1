-- The LCS 0.2.0 table; a database LCS created already has it.
CREATE TABLE IF NOT EXISTS user_conversation (
	id VARCHAR NOT NULL PRIMARY KEY,
	user_id VARCHAR NOT NULL,
	last_used_model VARCHAR NOT NULL,
	last_used_provider VARCHAR NOT NULL,
	created_at DATETIME DEFAULT (CURRENT_TIMESTAMP) NOT NULL,
	last_message_at DATETIME DEFAULT (CURRENT_TIMESTAMP) NOT NULL,
	message_count INTEGER DEFAULT 0 NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_user_conversation_user_id ON user_conversation (user_id);
