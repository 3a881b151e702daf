-- Members, their coverage, the products and benefits behind it, PCPs and accumulators.

-- A product the plan sells, with the rules that differ by line of business.
CREATE TABLE members.product (
	code varchar(16) PRIMARY KEY,
	name varchar(80) NOT NULL,
	line_of_business varchar(24) NOT NULL,
	plan_type varchar(8) NOT NULL,
	pcp_required boolean NOT NULL,
	referrals_required boolean NOT NULL,
	has_care_plans boolean NOT NULL
);

-- Deductible and out-of-pocket maximum per product and network tier.
CREATE TABLE members.product_cost_share (
	product_code varchar(16) NOT NULL REFERENCES members.product (code),
	network varchar(3) NOT NULL,
	deductible_individual numeric(9, 2) NOT NULL,
	deductible_family numeric(9, 2) NOT NULL,
	out_of_pocket_individual numeric(9, 2) NOT NULL,
	out_of_pocket_family numeric(9, 2) NOT NULL,
	PRIMARY KEY (product_code, network),
	CONSTRAINT product_cost_share_network CHECK (network IN ('IN', 'OUT'))
);

-- What a member pays for a category of service, in or out of network.
CREATE TABLE members.benefit (
	product_code varchar(16) NOT NULL REFERENCES members.product (code),
	service_category varchar(32) NOT NULL,
	network varchar(3) NOT NULL,
	covered boolean NOT NULL,
	copay numeric(9, 2),
	coinsurance_percent smallint,
	deductible_applies boolean NOT NULL,
	prior_authorization_required boolean NOT NULL,
	visit_limit smallint,
	PRIMARY KEY (product_code, service_category, network)
);

-- A member: subscriber number plus a two-digit suffix (01 subscriber, 02 spouse, 03+ dependents).
CREATE TABLE members.member (
	subscriber_id char(9) NOT NULL,
	member_suffix char(2) NOT NULL,
	first_name varchar(60) NOT NULL,
	middle_initial char(1),
	last_name varchar(60) NOT NULL,
	search_first_name varchar(60) NOT NULL,
	search_last_name varchar(60) NOT NULL,
	birth_date date NOT NULL,
	gender char(1) NOT NULL,
	relationship varchar(10) NOT NULL,
	address_line varchar(120) NOT NULL,
	city varchar(60) NOT NULL,
	state char(2) NOT NULL,
	postal_code varchar(10) NOT NULL,
	phone varchar(20),
	PRIMARY KEY (subscriber_id, member_suffix),
	CONSTRAINT member_gender CHECK (gender IN ('F', 'M', 'X', 'U'))
);

CREATE INDEX member_name_birth ON members.member (search_last_name, search_first_name, birth_date);

-- A span of coverage under a product and employer group (or public program).
CREATE TABLE members.coverage (
	subscriber_id char(9) NOT NULL,
	member_suffix char(2) NOT NULL,
	effective_date date NOT NULL,
	termination_date date,
	product_code varchar(16) NOT NULL REFERENCES members.product (code),
	group_number varchar(12) NOT NULL,
	group_name varchar(80) NOT NULL,
	PRIMARY KEY (subscriber_id, member_suffix, effective_date),
	FOREIGN KEY (subscriber_id, member_suffix) REFERENCES members.member (subscriber_id, member_suffix)
);

-- Primary care provider assignments over time; the open one is the current PCP.
CREATE TABLE members.pcp_assignment (
	subscriber_id char(9) NOT NULL,
	member_suffix char(2) NOT NULL,
	effective_date date NOT NULL,
	termination_date date,
	pcp_npi char(10) NOT NULL,
	change_reason varchar(24) NOT NULL,
	PRIMARY KEY (subscriber_id, member_suffix, effective_date),
	FOREIGN KEY (subscriber_id, member_suffix) REFERENCES members.member (subscriber_id, member_suffix)
);

CREATE INDEX pcp_assignment_pcp ON members.pcp_assignment (pcp_npi, effective_date);

-- Other insurance known for coordination of benefits.
CREATE TABLE members.other_insurance (
	subscriber_id char(9) NOT NULL,
	member_suffix char(2) NOT NULL,
	payer_name varchar(80) NOT NULL,
	policy_number varchar(30) NOT NULL,
	payer_order varchar(10) NOT NULL,
	effective_date date NOT NULL,
	termination_date date,
	PRIMARY KEY (subscriber_id, member_suffix, payer_name, effective_date),
	FOREIGN KEY (subscriber_id, member_suffix) REFERENCES members.member (subscriber_id, member_suffix)
);

-- Amounts applied toward the deductible and out-of-pocket maximum in a plan year.
CREATE TABLE members.accumulator (
	subscriber_id char(9) NOT NULL,
	member_suffix char(2) NOT NULL,
	plan_year smallint NOT NULL,
	network varchar(3) NOT NULL,
	deductible_met numeric(9, 2) NOT NULL,
	out_of_pocket_met numeric(9, 2) NOT NULL,
	PRIMARY KEY (subscriber_id, member_suffix, plan_year, network),
	FOREIGN KEY (subscriber_id, member_suffix) REFERENCES members.member (subscriber_id, member_suffix)
);

-- Visits used against a benefit's visit limit in a plan year.
CREATE TABLE members.visit_accumulator (
	subscriber_id char(9) NOT NULL,
	member_suffix char(2) NOT NULL,
	plan_year smallint NOT NULL,
	service_category varchar(32) NOT NULL,
	visits_used smallint NOT NULL,
	PRIMARY KEY (subscriber_id, member_suffix, plan_year, service_category),
	FOREIGN KEY (subscriber_id, member_suffix) REFERENCES members.member (subscriber_id, member_suffix)
);
