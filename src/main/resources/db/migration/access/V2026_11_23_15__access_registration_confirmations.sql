-- Wrong identity confirmations at a decision link: after five the request is closed.
ALTER TABLE access.registration_request ADD COLUMN failed_confirmations smallint DEFAULT 0 NOT NULL;
