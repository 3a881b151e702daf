-- An account's authenticator app: the TOTP seed, sealed (AES-GCM), and the last step used, so a
-- code works once.
CREATE TABLE identity.totp_credential (
	account_id bigint PRIMARY KEY REFERENCES identity.account (id),
	sealed_secret varchar(200) NOT NULL,
	created_at timestamp with time zone NOT NULL,
	confirmed_at timestamp with time zone,
	last_used_step bigint NOT NULL
);

-- One-time recovery codes for when the phone is lost; only their SHA-256 hashes are kept.
CREATE TABLE identity.recovery_code (
	account_id bigint NOT NULL REFERENCES identity.account (id),
	code_hash char(64) NOT NULL,
	used_at timestamp with time zone,
	PRIMARY KEY (account_id, code_hash)
);
