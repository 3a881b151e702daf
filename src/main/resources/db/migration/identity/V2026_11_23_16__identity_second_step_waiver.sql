-- Every account signs in with a second factor. The only exception is the demo logins the demo
-- loader creates, so that the demo can be tried without a phone; the loader records why.
ALTER TABLE identity.account ADD COLUMN second_step_waived boolean NOT NULL DEFAULT FALSE;
