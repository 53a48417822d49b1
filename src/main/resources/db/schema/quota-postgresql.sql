-- Token quotas: one counter per quota and subject (a user, the cluster, an API key), restored every period.
-- reserved: tokens set aside for requests still running, so that concurrent requests cannot overspend.
CREATE TABLE IF NOT EXISTS quota_counter (
	limiter VARCHAR NOT NULL,
	subject_id VARCHAR NOT NULL,
	available BIGINT NOT NULL,
	reserved BIGINT DEFAULT 0 NOT NULL,
	largest_request BIGINT DEFAULT 0 NOT NULL,
	initial_quota BIGINT NOT NULL,
	quota_increase BIGINT NOT NULL,
	period VARCHAR,
	period_start TIMESTAMP WITH TIME ZONE NOT NULL,
	updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
	PRIMARY KEY (limiter, subject_id)
);
-- The running requests' reservations; one left behind by a crash expires.
CREATE TABLE IF NOT EXISTS quota_reservation (
	id VARCHAR NOT NULL PRIMARY KEY,
	limiter VARCHAR NOT NULL,
	subject_id VARCHAR NOT NULL,
	tokens BIGINT NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_quota_reservation_created_at ON quota_reservation (created_at);
-- LCS's token history (quota_handlers.enable_token_history).
CREATE TABLE IF NOT EXISTS token_usage (
	user_id VARCHAR NOT NULL,
	provider VARCHAR NOT NULL,
	model VARCHAR NOT NULL,
	input_tokens BIGINT,
	output_tokens BIGINT,
	updated_at TIMESTAMP WITH TIME ZONE,
	PRIMARY KEY (user_id, provider, model)
);
