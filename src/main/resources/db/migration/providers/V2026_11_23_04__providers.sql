-- Providers: who renders care, who bills, who is paid, and where they are in network.

CREATE TABLE providers.specialty (
	code varchar(10) PRIMARY KEY,
	name varchar(80) NOT NULL
);

INSERT INTO providers.specialty (code, name) VALUES
	('207Q00000X', 'Family Medicine'),
	('207R00000X', 'Internal Medicine'),
	('208000000X', 'Pediatrics'),
	('207V00000X', 'Obstetrics & Gynecology'),
	('207RC0000X', 'Cardiovascular Disease'),
	('207RE0101X', 'Endocrinology, Diabetes & Metabolism'),
	('207RG0100X', 'Gastroenterology'),
	('207RP1001X', 'Pulmonary Disease'),
	('207X00000X', 'Orthopaedic Surgery'),
	('207N00000X', 'Dermatology'),
	('207W00000X', 'Ophthalmology'),
	('2085R0202X', 'Diagnostic Radiology'),
	('207P00000X', 'Emergency Medicine'),
	('208600000X', 'Surgery'),
	('2084P0800X', 'Psychiatry'),
	('103T00000X', 'Psychologist'),
	('1041C0700X', 'Clinical Social Worker'),
	('225100000X', 'Physical Therapist'),
	('261QP2300X', 'Primary Care Clinic'),
	('193200000X', 'Multi-Specialty Group'),
	('282N00000X', 'General Acute Care Hospital'),
	('261QR0200X', 'Radiology Clinic'),
	('291U00000X', 'Clinical Medical Laboratory'),
	('332B00000X', 'Durable Medical Equipment Supplier');

-- A group practice or a facility. Its own NPI is the payee NPI of its providers' claims.
CREATE TABLE providers.organization (
	id bigint PRIMARY KEY,
	name varchar(120) NOT NULL,
	kind varchar(16) NOT NULL,
	npi char(10) NOT NULL UNIQUE,
	tin_hash char(64) NOT NULL,
	tin_last4 char(4) NOT NULL,
	address_line varchar(120) NOT NULL,
	city varchar(60) NOT NULL,
	state char(2) NOT NULL,
	postal_code varchar(10) NOT NULL,
	phone varchar(20) NOT NULL,
	CONSTRAINT organization_kind CHECK (kind IN ('GROUP', 'FACILITY'))
);

CREATE INDEX organization_tin ON providers.organization (tin_hash);

-- Everyone with an NPI: individual practitioners (entity type 1) and organizations (type 2).
CREATE TABLE providers.provider (
	npi char(10) PRIMARY KEY,
	entity_type char(1) NOT NULL,
	first_name varchar(60),
	last_name varchar(60),
	organization_name varchar(120),
	credential varchar(20),
	specialty_code varchar(10) NOT NULL REFERENCES providers.specialty (code),
	organization_id bigint REFERENCES providers.organization (id),
	payee_npi char(10) NOT NULL,
	ssn_hash char(64),
	ssn_last4 char(4),
	accepting_new_patients boolean NOT NULL,
	city varchar(60) NOT NULL,
	state char(2) NOT NULL,
	CONSTRAINT provider_entity_type CHECK (entity_type IN ('1', '2')),
	CONSTRAINT provider_named CHECK (last_name IS NOT NULL OR organization_name IS NOT NULL)
);

CREATE INDEX provider_organization ON providers.provider (organization_id);
CREATE INDEX provider_payee ON providers.provider (payee_npi);

-- A group of providers reported on together.
CREATE TABLE providers.provider_unit (
	id bigint PRIMARY KEY,
	name varchar(120) NOT NULL
);

CREATE TABLE providers.provider_unit_member (
	unit_id bigint NOT NULL REFERENCES providers.provider_unit (id),
	npi char(10) NOT NULL REFERENCES providers.provider (npi),
	PRIMARY KEY (unit_id, npi)
);

CREATE INDEX provider_unit_member_npi ON providers.provider_unit_member (npi);

-- In network for a product from a date, until an optional end date.
CREATE TABLE providers.network_participation (
	npi char(10) NOT NULL REFERENCES providers.provider (npi),
	product_code varchar(16) NOT NULL,
	effective_date date NOT NULL,
	termination_date date,
	PRIMARY KEY (npi, product_code, effective_date)
);
