-- Passkeys (WebAuthn). The relying party's view of an account: a random user handle, never the
-- account id, so a passkey reveals nothing about the portal's keys.
CREATE TABLE identity.passkey_user (
	id varchar(1000) PRIMARY KEY,
	account_id bigint NOT NULL UNIQUE REFERENCES identity.account (id),
	name varchar(100) NOT NULL UNIQUE,
	display_name varchar(200)
);

-- One row per passkey: its public key (never a secret), the signature counter that exposes a
-- cloned authenticator, and the name its owner gave it.
CREATE TABLE identity.passkey_credential (
	credential_id varchar(1000) PRIMARY KEY,
	user_id varchar(1000) NOT NULL REFERENCES identity.passkey_user (id),
	public_key bytea NOT NULL,
	signature_count bigint NOT NULL,
	uv_initialized boolean NOT NULL,
	backup_eligible boolean NOT NULL,
	backup_state boolean NOT NULL,
	transports varchar(1000) NOT NULL,
	credential_type varchar(100) NOT NULL,
	attestation_object bytea,
	attestation_client_data_json bytea,
	label varchar(100) NOT NULL,
	created_at timestamp with time zone NOT NULL,
	last_used_at timestamp with time zone NOT NULL
);

CREATE INDEX passkey_credential_user ON identity.passkey_credential (user_id);
