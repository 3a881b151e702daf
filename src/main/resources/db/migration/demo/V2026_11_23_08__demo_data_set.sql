-- The synthetic data set on file, written once its load has finished: members without this row
-- are the remains of a load that failed half way.
CREATE TABLE demo.data_set (
	id smallint PRIMARY KEY,
	seed bigint NOT NULL,
	members integer NOT NULL,
	claims_per_member smallint NOT NULL,
	as_of date NOT NULL,
	completed_at timestamp with time zone NOT NULL,
	CONSTRAINT data_set_single CHECK (id = 1)
);
