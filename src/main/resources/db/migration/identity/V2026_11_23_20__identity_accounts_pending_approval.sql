-- An account opened by a registration that Provider Services verifies by phone: it holds its
-- username and password hash from the start, so nobody else can take the username meanwhile,
-- but it cannot sign in until approved. A rejected one is removed, freeing the username.
ALTER TABLE identity.account ADD COLUMN pending_approval boolean DEFAULT FALSE NOT NULL;
