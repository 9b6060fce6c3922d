-- 001: staff, the audit trail, households and persons.
--
-- Conventions for every editable table: integer id, `version` for
-- optimistic locking, created_/updated_ at (Istanbul local time, ISO text)
-- and by (staff username), filled by the store. Money is integer kuruş,
-- dates ISO-8601 text. Folded search keys are computed by hane's core
-- (Turkish-correct), never by SQLite functions, so the database opens and
-- queries the same in the sqlite3 tool.

CREATE TABLE staff (
	id INTEGER PRIMARY KEY,
	username TEXT NOT NULL UNIQUE,
	full_name TEXT NOT NULL,
	role TEXT NOT NULL
		CHECK (role IN ('admin', 'supervisor', 'caseworker', 'reporter')),
	unit TEXT,
	os_user TEXT UNIQUE,
	active INTEGER NOT NULL DEFAULT 1,
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL DEFAULT '',
	created_by TEXT,
	updated_at TEXT NOT NULL DEFAULT '',
	updated_by TEXT
);

-- One row per write (insert/update/delete with the changed fields as JSON)
-- and per logged read or event (export, report, reveal).
CREATE TABLE audit (
	id INTEGER PRIMARY KEY,
	at TEXT NOT NULL,
	staff_id INTEGER,
	username TEXT NOT NULL,
	action TEXT NOT NULL,
	tbl TEXT NOT NULL DEFAULT '',
	row_id INTEGER,
	changes TEXT
);
CREATE INDEX audit_row ON audit (tbl, row_id);
CREATE INDEX audit_at ON audit (at);

CREATE TABLE household (
	id INTEGER PRIMARY KEY,
	head_id INTEGER,               -- person.id; kept right by the model
	mahalle TEXT,                  -- a name from data/reference
	street TEXT,
	building TEXT,
	door TEXT,
	phone TEXT,                    -- E.164
	phone_key TEXT,                -- national digits "5321234567"
	income_kurus INTEGER,
	status TEXT NOT NULL DEFAULT 'active'
		CHECK (status IN ('active', 'passive')),
	notes TEXT,
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT
);
CREATE INDEX household_phone ON household (phone_key)
	WHERE phone_key IS NOT NULL;
CREATE INDEX household_mahalle ON household (mahalle);
CREATE INDEX household_created ON household (created_at);

CREATE TABLE person (
	id INTEGER PRIMARY KEY,
	household_id INTEGER NOT NULL REFERENCES household (id),
	tckn TEXT UNIQUE CHECK (tckn IS NULL OR length(tckn) = 11),
	first_name TEXT NOT NULL,
	last_name TEXT NOT NULL,
	name_key TEXT NOT NULL,        -- folded "first last"
	birth_date TEXT,
	sex TEXT CHECK (sex IN ('K', 'E')),
	relation TEXT NOT NULL DEFAULT 'head',
	disability_pct INTEGER CHECK (disability_pct BETWEEN 0 AND 100),
	chronic_illness TEXT,
	phone TEXT,
	phone_key TEXT,
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT
);
CREATE INDEX person_household ON person (household_id);
CREATE INDEX person_name_birth ON person (name_key, birth_date);
CREATE INDEX person_phone ON person (phone_key) WHERE phone_key IS NOT NULL;
CREATE INDEX person_created ON person (created_at);

-- Every folded word of every name, for word-prefix search: the range
-- word >= 'sukru' AND word < 'sukru' || x'ff' walks the primary key.
CREATE TABLE person_word (
	word TEXT NOT NULL,
	person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
	PRIMARY KEY (word, person_id)
) WITHOUT ROWID;
CREATE INDEX person_word_person ON person_word (person_id);
