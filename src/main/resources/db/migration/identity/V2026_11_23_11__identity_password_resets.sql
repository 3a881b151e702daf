-- Single-use links to choose a new password. Only a SHA-256 hash of each token is kept: the
-- token itself exists only in the email.
CREATE TABLE identity.password_reset (
	token_hash char(64) PRIMARY KEY,
	account_id bigint NOT NULL REFERENCES identity.account (id),
	created_at timestamp with time zone NOT NULL,
	expires_at timestamp with time zone NOT NULL,
	used_at timestamp with time zone
);

CREATE INDEX password_reset_account ON identity.password_reset (account_id, created_at);
