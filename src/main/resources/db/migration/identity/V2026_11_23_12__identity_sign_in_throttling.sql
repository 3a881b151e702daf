-- Failed sign-ins per account: growing delays, then a temporary lock with an emailed unlock link.
ALTER TABLE identity.account ADD COLUMN failed_sign_ins smallint DEFAULT 0 NOT NULL;
ALTER TABLE identity.account ADD COLUMN last_failed_sign_in_at timestamp with time zone;
ALTER TABLE identity.account ADD COLUMN locked_until timestamp with time zone;

-- Failed sign-ins per client address, whatever the username: guessing across many accounts.
CREATE TABLE identity.sign_in_throttle (
	client varchar(45) PRIMARY KEY,
	failures integer NOT NULL,
	window_started_at timestamp with time zone NOT NULL,
	blocked_until timestamp with time zone
);

-- Single-use unlock links; only a SHA-256 hash of each token is kept.
CREATE TABLE identity.unlock_token (
	token_hash char(64) PRIMARY KEY,
	account_id bigint NOT NULL REFERENCES identity.account (id),
	expires_at timestamp with time zone NOT NULL,
	used_at timestamp with time zone
);
