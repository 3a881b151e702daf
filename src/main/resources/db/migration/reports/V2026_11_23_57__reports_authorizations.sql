-- Referrals and authorizations per scope and kind of request over the last 12 months: how many
-- in each status, and the mean and median minutes from receipt to decision.
CREATE TABLE reports.authorization_summary (
	scope_key varchar(24) NOT NULL,
	kind varchar(20) NOT NULL,
	pended integer NOT NULL,
	in_review integer NOT NULL,
	info_requested integer NOT NULL,
	approved integer NOT NULL,
	partially_approved integer NOT NULL,
	denied integer NOT NULL,
	average_minutes bigint,
	median_minutes bigint,
	PRIMARY KEY (scope_key, kind)
);
