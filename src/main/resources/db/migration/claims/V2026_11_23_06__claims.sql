-- Claims, their lines and adjustments, and the payments that paid them.

-- Claim adjustment reason codes (CARC) and remittance advice remark codes (RARC).
CREATE TABLE claims.adjustment_reason (
	code varchar(8) NOT NULL,
	kind varchar(4) NOT NULL,
	description varchar(240) NOT NULL,
	PRIMARY KEY (kind, code),
	CONSTRAINT adjustment_reason_kind CHECK (kind IN ('CARC', 'RARC'))
);

-- A check or electronic funds transfer to a payee, covering many claims.
CREATE TABLE claims.payment (
	id bigint PRIMARY KEY,
	payment_number varchar(20) NOT NULL UNIQUE,
	method varchar(3) NOT NULL,
	payment_date date NOT NULL,
	payee_npi char(10) NOT NULL,
	amount numeric(12, 2) NOT NULL,
	CONSTRAINT payment_method CHECK (method IN ('CHK', 'ACH'))
);

CREATE INDEX payment_payee_date ON claims.payment (payee_npi, payment_date);
CREATE INDEX payment_date ON claims.payment (payment_date);

CREATE TABLE claims.claim (
	id bigint PRIMARY KEY,
	claim_number varchar(12) NOT NULL UNIQUE,
	claim_type char(1) NOT NULL,
	frequency_code char(1) NOT NULL,
	original_claim_number varchar(12),
	subscriber_id char(9) NOT NULL,
	member_suffix char(2) NOT NULL,
	patient_first_name varchar(60) NOT NULL,
	patient_last_name varchar(60) NOT NULL,
	patient_birth_date date NOT NULL,
	product_code varchar(16) NOT NULL,
	billing_npi char(10) NOT NULL,
	rendering_npi char(10) NOT NULL,
	payee_npi char(10) NOT NULL,
	place_of_service char(2) NOT NULL,
	service_from date NOT NULL,
	service_to date NOT NULL,
	received_date date NOT NULL,
	adjudicated_date date,
	status varchar(10) NOT NULL,
	status_category varchar(3) NOT NULL,
	diagnosis_codes varchar(8) ARRAY NOT NULL,
	total_billed numeric(12, 2) NOT NULL,
	total_allowed numeric(12, 2) NOT NULL,
	total_paid numeric(12, 2) NOT NULL,
	patient_responsibility numeric(12, 2) NOT NULL,
	payment_id bigint,
	CONSTRAINT claim_type CHECK (claim_type IN ('P', 'I')),
	CONSTRAINT claim_frequency CHECK (frequency_code IN ('1', '7', '8')),
	CONSTRAINT claim_status CHECK (status IN ('RECEIVED', 'PENDED', 'DENIED', 'PAID', 'ADJUSTED', 'FINALIZED')),
	CONSTRAINT claim_dates CHECK (service_to >= service_from)
);

CREATE INDEX claim_member_service ON claims.claim (subscriber_id, member_suffix, service_from);
CREATE INDEX claim_payee_service ON claims.claim (payee_npi, service_from);
CREATE INDEX claim_billing_service ON claims.claim (billing_npi, service_from);
CREATE INDEX claim_payment ON claims.claim (payment_id);

CREATE TABLE claims.claim_line (
	claim_id bigint NOT NULL REFERENCES claims.claim (id),
	line_number smallint NOT NULL,
	service_date date NOT NULL,
	procedure_code varchar(5),
	modifiers varchar(11),
	revenue_code varchar(4),
	units smallint NOT NULL,
	billed numeric(10, 2) NOT NULL,
	allowed numeric(10, 2) NOT NULL,
	paid numeric(10, 2) NOT NULL,
	patient_responsibility numeric(10, 2) NOT NULL,
	PRIMARY KEY (claim_id, line_number)
);

-- Why a line was paid less than billed: group code (CO, PR, OA, PI), CARC, optional RARC.
CREATE TABLE claims.claim_line_adjustment (
	claim_id bigint NOT NULL,
	line_number smallint NOT NULL,
	sequence smallint NOT NULL,
	group_code char(2) NOT NULL,
	reason_code varchar(8) NOT NULL,
	remark_code varchar(8),
	amount numeric(10, 2) NOT NULL,
	PRIMARY KEY (claim_id, line_number, sequence),
	FOREIGN KEY (claim_id, line_number) REFERENCES claims.claim_line (claim_id, line_number)
);
