-- 006: accounts and personal-data protection (KVKK).
--
-- Login state lives on the staff row. It is bookkeeping, not an edit:
-- hane writes it with plain UPDATEs that do not bump `version` (so an
-- administrator editing a staff member never conflicts with that person
-- logging in) and records failures, lock-outs and password changes as
-- audit events instead. The password hash never enters the audit JSON.

ALTER TABLE staff ADD COLUMN password_hash TEXT;   -- Argon2id, libsodium
ALTER TABLE staff ADD COLUMN password_set_at TEXT;
ALTER TABLE staff ADD COLUMN failed_attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE staff ADD COLUMN locked_until TEXT;    -- local time, or NULL
ALTER TABLE staff ADD COLUMN last_login TEXT;
ALTER TABLE staff ADD COLUMN expires_at TEXT;      -- date; NULL: never

-- Security policy, one row per setting; changed with `hane staff
-- settings`, which audits the change.
CREATE TABLE security_setting (
	name TEXT PRIMARY KEY,
	value INTEGER NOT NULL
);
INSERT INTO security_setting (name, value) VALUES
	('lockout_threshold', 5),   -- failed passwords before a lock-out
	('lockout_minutes', 15),    -- how long a lock-out lasts
	('inactivity_days', 180),   -- unused accounts expire after this
	('retention_months', 60),   -- no service for this long: anonymise
	('password_min_length', 10);

-- What `hane retention run` destroyed: one row per anonymised person,
-- naming the fields cleared (never their values). It also tells the next
-- run that the person is done.
CREATE TABLE retention_log (
	id INTEGER PRIMARY KEY,
	at TEXT NOT NULL,
	username TEXT NOT NULL,
	person_id INTEGER NOT NULL UNIQUE,
	household_id INTEGER,
	last_service TEXT,
	fields TEXT NOT NULL
);

CREATE INDEX audit_user ON audit (username, at);
