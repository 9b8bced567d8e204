-- Each account's session key: a random value that every login form session of the account carries in its
-- rounds-session cookie beside Quarkus' session cookie. A password change or reset, a role change and disabling
-- the account replace it, which ends every session that carries the old one. NULL until the account's first login
-- after this migration: sessions from before it carry no key and stay valid until then.
ALTER TABLE app_user ADD COLUMN session_key VARCHAR(64);
