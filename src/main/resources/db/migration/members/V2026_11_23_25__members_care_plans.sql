-- Care plans of Unify members: the treatment the member and their care team agreed on, each
-- version a document of its own. A reassessment writes a new version; the one before it is
-- kept, superseded.
CREATE TABLE members.care_plan (
	id bigint PRIMARY KEY,
	subscriber_id char(9) NOT NULL,
	member_suffix char(2) NOT NULL,
	kind varchar(24) NOT NULL,
	version smallint NOT NULL,
	status varchar(12) NOT NULL,
	assessed_date date NOT NULL,
	-- Null until the member, or their representative, signs it.
	signed_date date,
	updated_date date NOT NULL,
	next_review_date date NOT NULL,
	-- In the member's words, as the care coordinator wrote them down.
	member_preferences varchar(1000) NOT NULL,
	CONSTRAINT care_plan_kind CHECK (kind IN ('PERSON_CENTERED', 'LONG_TERM_SUPPORTS', 'BEHAVIORAL_HEALTH')),
	CONSTRAINT care_plan_status CHECK (status IN ('CURRENT', 'SUPERSEDED')),
	CONSTRAINT care_plan_one_version UNIQUE (subscriber_id, member_suffix, kind, version),
	FOREIGN KEY (subscriber_id, member_suffix) REFERENCES members.member (subscriber_id, member_suffix)
);

-- Who cares for the member under the plan. A provider is named by NPI and looked up in the
-- directory; people without one (the plan's care coordinator, a family caregiver) by name.
CREATE TABLE members.care_plan_team_member (
	care_plan_id bigint NOT NULL REFERENCES members.care_plan (id),
	ordinal smallint NOT NULL,
	role varchar(24) NOT NULL,
	npi char(10),
	name varchar(120),
	phone varchar(20),
	PRIMARY KEY (care_plan_id, ordinal),
	CONSTRAINT care_plan_team_member_named CHECK (npi IS NOT NULL OR name IS NOT NULL)
);

-- What the member wants to reach, for which health concern or need, and how far they are.
CREATE TABLE members.care_plan_goal (
	care_plan_id bigint NOT NULL REFERENCES members.care_plan (id),
	ordinal smallint NOT NULL,
	concern varchar(200) NOT NULL,
	goal varchar(400) NOT NULL,
	target_date date NOT NULL,
	status varchar(12) NOT NULL,
	PRIMARY KEY (care_plan_id, ordinal),
	CONSTRAINT care_plan_goal_status CHECK (status IN ('NOT_STARTED', 'IN_PROGRESS', 'MET'))
);

-- The services and interventions agreed to reach the goals: what, how often, by whom.
CREATE TABLE members.care_plan_service (
	care_plan_id bigint NOT NULL REFERENCES members.care_plan (id),
	ordinal smallint NOT NULL,
	service varchar(200) NOT NULL,
	frequency varchar(80) NOT NULL,
	provided_by varchar(120) NOT NULL,
	PRIMARY KEY (care_plan_id, ordinal)
);
