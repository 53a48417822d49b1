-- Token quotas: one counter per quota and subject (a user, the cluster, an API key), restored every period.
-- reserved: tokens set aside for requests still running, so that concurrent requests cannot overspend.
CREATE TABLE IF NOT EXISTS quota_counter (
	limiter VARCHAR NOT NULL,
	subject_id VARCHAR NOT NULL,
	available INTEGER NOT NULL,
	reserved INTEGER DEFAULT 0 NOT NULL,
	largest_request INTEGER DEFAULT 0 NOT NULL,
	initial_quota INTEGER NOT NULL,
	quota_increase INTEGER NOT NULL,
	period VARCHAR,
	period_start DATETIME NOT NULL,
	updated_at DATETIME NOT NULL,
	PRIMARY KEY (limiter, subject_id)
);
-- The running requests' reservations; one left behind by a crash expires.
CREATE TABLE IF NOT EXISTS quota_reservation (
	id VARCHAR NOT NULL PRIMARY KEY,
	limiter VARCHAR NOT NULL,
	subject_id VARCHAR NOT NULL,
	tokens INTEGER NOT NULL,
	created_at DATETIME NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_quota_reservation_created_at ON quota_reservation (created_at);
-- LCS's token history (quota_handlers.enable_token_history).
CREATE TABLE IF NOT EXISTS token_usage (
	user_id VARCHAR NOT NULL,
	provider VARCHAR NOT NULL,
	model VARCHAR NOT NULL,
	input_tokens INTEGER,
	output_tokens INTEGER,
	updated_at DATETIME,
	PRIMARY KEY (user_id, provider, model)
);
