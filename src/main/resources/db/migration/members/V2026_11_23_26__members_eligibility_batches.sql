-- Batch eligibility: a file of members a provider's office uploads, checked in the background a
-- chunk of rows at a time. The job belongs to the account that uploaded it and the NPI it acted
-- for; it and its rows are deleted 24 hours after it finishes.
CREATE TABLE members.eligibility_batch (
	id uuid PRIMARY KEY,
	account_id bigint NOT NULL,
	username varchar(64) NOT NULL,
	npi char(10) NOT NULL,
	-- The upload form's one-time key and the file's digest: submitting the same form with the
	-- same file twice finds the first job.
	submission_key varchar(64) NOT NULL,
	file_sha256 char(64) NOT NULL,
	file_name varchar(120) NOT NULL,
	-- The date of service of rows that give none: the day of the upload.
	date_of_service date NOT NULL,
	status varchar(10) NOT NULL,
	row_count integer NOT NULL,
	rows_done integer DEFAULT 0 NOT NULL,
	covered integer DEFAULT 0 NOT NULL,
	not_covered integer DEFAULT 0 NOT NULL,
	errors integer DEFAULT 0 NOT NULL,
	-- Rows are checked in line order; the last line checked is where a resumed job goes on.
	last_line integer DEFAULT 0 NOT NULL,
	created_at timestamp with time zone NOT NULL,
	completed_at timestamp with time zone,
	expires_at timestamp with time zone,
	-- Which worker runs the job, and until when, unless it renews the claim with each chunk.
	claim_token uuid,
	claimed_until timestamp with time zone,
	CONSTRAINT eligibility_batch_once UNIQUE (account_id, submission_key, file_sha256),
	CONSTRAINT eligibility_batch_status CHECK (status IN ('QUEUED', 'RUNNING', 'DONE'))
);

CREATE INDEX eligibility_batch_owner ON members.eligibility_batch (account_id, created_at);
CREATE INDEX eligibility_batch_unfinished ON members.eligibility_batch (status);
CREATE INDEX eligibility_batch_expiry ON members.eligibility_batch (expires_at);

-- One row of the file as typed (cut at 100 characters), and once checked, its outcome.
CREATE TABLE members.eligibility_batch_row (
	batch_id uuid NOT NULL REFERENCES members.eligibility_batch (id) ON DELETE CASCADE,
	line_number integer NOT NULL,
	input_member_id varchar(100),
	input_first_name varchar(100),
	input_last_name varchar(100),
	input_birth_date varchar(100),
	input_date_of_service varchar(100),
	outcome varchar(12),
	date_of_service date,
	subscriber_id char(9),
	member_suffix char(2),
	first_name varchar(60),
	last_name varchar(60),
	product_name varchar(80),
	line_of_business varchar(24),
	group_number varchar(12),
	group_name varchar(80),
	coverage_effective date,
	coverage_termination date,
	pcp_npi char(10),
	-- Problem codes, comma-separated, of a row in error.
	problems varchar(300),
	PRIMARY KEY (batch_id, line_number),
	CONSTRAINT eligibility_batch_row_outcome CHECK (outcome IN ('COVERED', 'NOT_COVERED', 'ERROR'))
);
