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
-- Feedback kept in the database as well as in files (lightspeed.feedback.store-in-database).
CREATE TABLE IF NOT EXISTS user_feedback (
	id VARCHAR NOT NULL PRIMARY KEY,
	user_id VARCHAR NOT NULL,
	created_at DATETIME NOT NULL,
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
-- MCP servers registered at run time (POST /v1/mcp-servers); LCS keeps them in memory, replicas share these.
CREATE TABLE IF NOT EXISTS mcp_server (
	name VARCHAR NOT NULL PRIMARY KEY,
	url VARCHAR NOT NULL,
	provider_id VARCHAR NOT NULL,
	authorization_headers TEXT NOT NULL,
	headers TEXT NOT NULL,
	timeout INTEGER,
	user_id VARCHAR NOT NULL,
	created_at DATETIME NOT NULL
);
-- API keys managed through /v1/admin/api-keys and the command line: only a key's SHA-256 is kept.
CREATE TABLE IF NOT EXISTS api_key (
	id VARCHAR NOT NULL PRIMARY KEY,
	key_hash VARCHAR NOT NULL,
	key_prefix VARCHAR NOT NULL,
	name VARCHAR,
	user_id VARCHAR NOT NULL,
	username VARCHAR NOT NULL,
	roles TEXT NOT NULL,
	system_prompt TEXT,
	token_quota INTEGER,
	quota_period VARCHAR,
	requests_per_minute INTEGER,
	created_at DATETIME NOT NULL,
	expires_at DATETIME,
	rotated_at DATETIME,
	revoked_at DATETIME
);
CREATE UNIQUE INDEX IF NOT EXISTS ux_api_key_key_hash ON api_key (key_hash);
-- Who created each vector store and file through this service (kind vector_store or file): only they may change it.
CREATE TABLE IF NOT EXISTS knowledge_owner (
	kind VARCHAR NOT NULL,
	id VARCHAR NOT NULL,
	user_id VARCHAR NOT NULL,
	created_at BIGINT NOT NULL,
	PRIMARY KEY (kind, id)
);
CREATE INDEX IF NOT EXISTS ix_knowledge_owner_user_id ON knowledge_owner (user_id);
