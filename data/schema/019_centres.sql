-- 019: Merkezler (#19): the directorate's centres in one shape — Asırlık
-- Çınar Evleri, Alzheimer Yaşam Evi, Otizm Spor ve Yaşam Evi, Yaşama
-- Destek Evi, Kısa Mola and Down Kafe. (Numbered after 018: a database
-- of the last release is at 18, and migrations apply only above it.)
--
-- A programme is of one of four kinds:
--   membership  members check in and out at a site (Asırlık Çınar,
--               Alzheimer, Otizm);
--   enrolment   a term with students (Yaşama Destek Evi);
--   session     bookable slots with a cap (Kısa Mola): its students are
--               its members, who book sessions;
--   placement   employment (Down Kafe, the mobile catering vehicles): a
--               member is placed at a site in a role.
-- A site belongs to one programme (two programmes in one building are two
-- sites with one address); its capacity is the programme's places there.
-- Programmes and sites are data: seeded from data/reference/centres.txt,
-- an administrator adds more.
--
-- Every row about a person carries person_id, so retention and merge find
-- it directly: retention takes a table with a person_id column as a root
-- and follows one foreign-key path per other table.
-- Every row a year's figures count has a date.

CREATE TABLE centre_programme (
	id INTEGER PRIMARY KEY,
	code TEXT NOT NULL UNIQUE CHECK (code GLOB '[a-z]*' AND code NOT GLOB '*[^a-z0-9_]*'),
	kind TEXT NOT NULL CHECK (kind IN ('membership', 'enrolment', 'session', 'placement')),
	name_tr TEXT NOT NULL,
	name_en TEXT NOT NULL,
	-- Eligibility (NULL: no rule): age in whole years on the day applied,
	-- the person's disability %, a diagnosis note required (Alzheimer),
	-- residence: 'izmit' (an İzmit mahalle) or 'kocaeli' (İzmit or a
	-- Kocaeli district).
	min_age INTEGER CHECK (min_age BETWEEN 0 AND 120),
	max_age INTEGER CHECK (max_age BETWEEN 0 AND 120),
	min_disability INTEGER CHECK (min_disability BETWEEN 0 AND 100),
	needs_diagnosis INTEGER NOT NULL DEFAULT 0 CHECK (needs_diagnosis IN (0, 1)),
	residence TEXT CHECK (residence IN ('izmit', 'kocaeli')),
	active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT,
	CHECK (min_age IS NULL OR max_age IS NULL OR min_age <= max_age)
);

CREATE TABLE centre_site (
	id INTEGER PRIMARY KEY,
	programme_id INTEGER NOT NULL REFERENCES centre_programme (id),
	code TEXT NOT NULL UNIQUE CHECK (code GLOB '[a-z]*' AND code NOT GLOB '*[^a-z0-9_]*'),
	name TEXT NOT NULL,
	address TEXT,
	days TEXT,                     -- e.g. 'pzt,sal,çar,per,cum' (hane_days)
	hours TEXT,                    -- e.g. '09:00-17:00'
	capacity INTEGER NOT NULL DEFAULT 0 CHECK (capacity BETWEEN 0 AND 100000), -- 0: no limit
	min_age INTEGER CHECK (min_age BETWEEN 0 AND 120), -- NULL: the programme's
	active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT
);
CREATE INDEX centre_site_programme ON centre_site (programme_id);

-- The programmes a staff member of the centres unit works in: a centre's
-- caseworker sees and records only these programmes' people.
CREATE TABLE centre_staff (
	id INTEGER PRIMARY KEY,
	staff_id INTEGER NOT NULL REFERENCES staff (id),
	programme_id INTEGER NOT NULL REFERENCES centre_programme (id),
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT,
	UNIQUE (staff_id, programme_id)
);

-- An application to a programme at a site, and its decision:
--   pending    not decided yet;
--   direct     admitted directly;
--   assessed   admitted after assessment;
--   waiting    on the waiting list (position: order of date, id among the
--              site's waiting applications; derived, never stored);
--   rejected   with a reason;
--   withdrawn  by the applicant, with a reason.
-- An admitted application opens a membership (centre_member).
CREATE TABLE centre_application (
	id INTEGER PRIMARY KEY,
	programme_id INTEGER NOT NULL REFERENCES centre_programme (id),
	site_id INTEGER NOT NULL REFERENCES centre_site (id),
	person_id INTEGER NOT NULL REFERENCES person (id),
	date TEXT NOT NULL,            -- applied on
	status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN
		('pending', 'direct', 'assessed', 'waiting', 'rejected', 'withdrawn')),
	decided_on TEXT,
	decided_by TEXT,
	reason TEXT,                   -- why rejected, withdrawn or waiting
	diagnosis TEXT,                -- personal (health): the diagnosis note
	notes TEXT,                    -- personal
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT
);
CREATE INDEX centre_application_person ON centre_application (person_id);
CREATE INDEX centre_application_site ON centre_application (site_id, status, date);
CREATE INDEX centre_application_date ON centre_application (date);

-- A membership (enrolment: a student's term) at a site, from start to
-- end_date (NULL: running). An ended one says why.
CREATE TABLE centre_member (
	id INTEGER PRIMARY KEY,
	programme_id INTEGER NOT NULL REFERENCES centre_programme (id),
	site_id INTEGER NOT NULL REFERENCES centre_site (id),
	person_id INTEGER NOT NULL REFERENCES person (id),
	application_id INTEGER,        -- the admitting application (plain: one FK path to person)
	start TEXT NOT NULL,
	end_date TEXT,
	end_reason TEXT CHECK (end_reason IN
		('death', 'moved', 'withdrew', 'institution', 'completed', 'other')),
	term TEXT,                     -- enrolment: e.g. '2025-2026'
	notes TEXT,                    -- personal
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT,
	CHECK (end_date IS NULL OR end_date >= start),
	CHECK ((end_date IS NULL) = (end_reason IS NULL))
);
CREATE INDEX centre_member_person ON centre_member (person_id);
CREATE INDEX centre_member_site ON centre_member (site_id, end_date);
CREATE INDEX centre_member_start ON centre_member (start);

-- A check-in (and check-out) of a member at a site.
CREATE TABLE centre_visit (
	id INTEGER PRIMARY KEY,
	member_id INTEGER NOT NULL REFERENCES centre_member (id),
	person_id INTEGER NOT NULL REFERENCES person (id), -- the member's
	site_id INTEGER NOT NULL,      -- the member's site (plain)
	date TEXT NOT NULL,
	time_in TEXT NOT NULL,         -- HH:MM
	time_out TEXT,
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT
);
CREATE INDEX centre_visit_site_date ON centre_visit (site_id, date);
CREATE INDEX centre_visit_member ON centre_visit (member_id, date);
CREATE INDEX centre_visit_date ON centre_visit (date);
CREATE INDEX centre_visit_person ON centre_visit (person_id);

-- A bookable slot of a session programme at a site.
CREATE TABLE centre_session (
	id INTEGER PRIMARY KEY,
	site_id INTEGER NOT NULL REFERENCES centre_site (id),
	date TEXT NOT NULL,
	start_time TEXT NOT NULL,      -- HH:MM
	end_time TEXT NOT NULL,
	cap INTEGER NOT NULL CHECK (cap BETWEEN 1 AND 1000),
	status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'cancelled')),
	notes TEXT,
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT,
	CHECK (end_time > start_time)
);
CREATE INDEX centre_session_site_date ON centre_session (site_id, date);
CREATE INDEX centre_session_date ON centre_session (date);

-- A member's booking of a session, then attended or a no-show.
CREATE TABLE centre_booking (
	id INTEGER PRIMARY KEY,
	session_id INTEGER NOT NULL REFERENCES centre_session (id),
	member_id INTEGER NOT NULL,    -- plain (one FK path); the booker's membership
	person_id INTEGER NOT NULL REFERENCES person (id), -- the member's
	date TEXT NOT NULL,            -- the session's day
	status TEXT NOT NULL DEFAULT 'booked' CHECK (status IN
		('booked', 'attended', 'no_show', 'cancelled')),
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT,
	UNIQUE (session_id, member_id)
);
CREATE INDEX centre_booking_member ON centre_booking (member_id);
CREATE INDEX centre_booking_person ON centre_booking (person_id);
CREATE INDEX centre_booking_date ON centre_booking (date);

-- Employment of a member: site, role, hours a week, paid and insured, the
-- job coach (a staff name), from start to end_date.
CREATE TABLE centre_placement (
	id INTEGER PRIMARY KEY,
	member_id INTEGER NOT NULL REFERENCES centre_member (id),
	person_id INTEGER NOT NULL REFERENCES person (id), -- the member's
	site_id INTEGER NOT NULL REFERENCES centre_site (id),
	role TEXT NOT NULL,
	hours_week INTEGER NOT NULL CHECK (hours_week BETWEEN 1 AND 45),
	paid INTEGER NOT NULL DEFAULT 1 CHECK (paid IN (0, 1)),
	insured INTEGER NOT NULL DEFAULT 1 CHECK (insured IN (0, 1)),
	coach TEXT,
	start TEXT NOT NULL,
	end_date TEXT,
	end_reason TEXT,
	notes TEXT,                    -- personal
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT,
	CHECK (end_date IS NULL OR end_date >= start)
);
CREATE INDEX centre_placement_person ON centre_placement (person_id);
CREATE INDEX centre_placement_start ON centre_placement (start);

-- ---- Seeds: data/reference/centres.txt ------------------------------------
CREATE TEMP TABLE ref_line (n INTEGER, line TEXT);
WITH RECURSIVE split (n, line, rest) AS (
	SELECT 0, NULL, replace(hane_reference('centres.txt'), char(13), '') || char(10)
	UNION ALL
	SELECT n + 1, substr(rest, 1, instr(rest, char(10)) - 1),
	       substr(rest, instr(rest, char(10)) + 1)
	FROM split WHERE rest <> ''
)
INSERT INTO ref_line SELECT n, line FROM split
WHERE line IS NOT NULL AND trim(line) <> '' AND line NOT LIKE '#%';

-- The TAB-separated fields of each line: (n, i, v), i from 0; "-" is NULL.
CREATE TEMP TABLE ref_field (n INTEGER, i INTEGER, v TEXT);
WITH RECURSIVE f (n, i, v, rest) AS (
	SELECT n, -1, NULL, line || char(9) FROM ref_line
	UNION ALL
	SELECT n, i + 1, substr(rest, 1, instr(rest, char(9)) - 1),
	       substr(rest, instr(rest, char(9)) + 1)
	FROM f WHERE rest <> ''
)
INSERT INTO ref_field SELECT n, i, nullif(trim(v), '-') FROM f WHERE i >= 0;

INSERT INTO centre_programme (code, kind, name_tr, name_en, min_age, max_age,
			      min_disability, needs_diagnosis, residence,
			      created_at, created_by, updated_at, updated_by)
SELECT max(CASE i WHEN 1 THEN v END), max(CASE i WHEN 2 THEN v END),
       max(CASE i WHEN 3 THEN v END), max(CASE i WHEN 4 THEN v END),
       CAST(max(CASE i WHEN 5 THEN v END) AS INTEGER),
       CAST(max(CASE i WHEN 6 THEN v END) AS INTEGER),
       CAST(max(CASE i WHEN 7 THEN v END) AS INTEGER),
       coalesce(CAST(max(CASE i WHEN 8 THEN v END) AS INTEGER), 0),
       max(CASE i WHEN 9 THEN v END),
       '2026-01-01 00:00:00', 'hane', '2026-01-01 00:00:00', 'hane'
FROM ref_field
WHERE n IN (SELECT n FROM ref_field WHERE i = 0 AND v = 'P')
GROUP BY n ORDER BY n;

INSERT INTO centre_site (programme_id, code, name, address, days, hours,
			 capacity, min_age, created_at, created_by,
			 updated_at, updated_by)
SELECT p.id, s.code, s.name, s.address, s.days, s.hours, s.capacity,
       s.min_age, '2026-01-01 00:00:00', 'hane', '2026-01-01 00:00:00', 'hane'
FROM (SELECT n, max(CASE i WHEN 1 THEN v END) AS programme,
	     max(CASE i WHEN 2 THEN v END) AS code,
	     max(CASE i WHEN 3 THEN v END) AS name,
	     max(CASE i WHEN 4 THEN v END) AS address,
	     max(CASE i WHEN 5 THEN v END) AS days,
	     max(CASE i WHEN 6 THEN v END) AS hours,
	     coalesce(CAST(max(CASE i WHEN 7 THEN v END) AS INTEGER), 0) AS capacity,
	     CAST(max(CASE i WHEN 8 THEN v END) AS INTEGER) AS min_age
      FROM ref_field
      WHERE n IN (SELECT n FROM ref_field WHERE i = 0 AND v = 'S')
      GROUP BY n) s
JOIN centre_programme p ON p.code = s.programme
ORDER BY s.n;
DROP TABLE ref_field;
DROP TABLE ref_line;
