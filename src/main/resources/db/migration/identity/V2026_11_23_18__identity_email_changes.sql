-- A change of an account's email address waits here until the new address proves it can receive
-- mail by opening a single-use link. Only a SHA-256 hash of each token is kept.
CREATE TABLE identity.email_change (
	token_hash char(64) PRIMARY KEY,
	account_id bigint NOT NULL REFERENCES identity.account (id),
	new_email varchar(254) NOT NULL,
	created_at timestamp with time zone NOT NULL,
	expires_at timestamp with time zone NOT NULL,
	used_at timestamp with time zone
);

CREATE INDEX email_change_account ON identity.email_change (account_id, created_at);
