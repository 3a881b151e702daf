-- A provider-office user's role for an NPI: Senior Access Administrator, Access Administrator
-- or Authorized User.
CREATE TABLE access.npi_role (
	account_id bigint NOT NULL,
	npi char(10) NOT NULL,
	role varchar(4) NOT NULL,
	granted_by bigint,
	granted_at timestamp with time zone NOT NULL,
	PRIMARY KEY (account_id, npi),
	CONSTRAINT npi_role_role CHECK (role IN ('SAA', 'AA', 'AU'))
);

CREATE INDEX npi_role_npi ON access.npi_role (npi);

-- One Senior Access Administrator per NPI, held by the primary key.
CREATE TABLE access.senior_access_administrator (
	npi char(10) PRIMARY KEY,
	account_id bigint NOT NULL
);

-- A function the user may perform for an NPI. Confirmed by the SAA every 90 days.
CREATE TABLE access.function_grant (
	account_id bigint NOT NULL,
	npi char(10) NOT NULL,
	function_code varchar(32) NOT NULL,
	granted_by bigint,
	granted_at timestamp with time zone NOT NULL,
	confirmed_at timestamp with time zone NOT NULL,
	PRIMARY KEY (account_id, npi, function_code),
	FOREIGN KEY (account_id, npi) REFERENCES access.npi_role (account_id, npi)
);
