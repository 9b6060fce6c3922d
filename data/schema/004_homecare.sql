-- 004: home care and home cleaning (Evde Bakım, Evde Temizlik).
--
-- Clients are registry persons; caregivers and cleaning teams are rows of
-- homecare_worker (they need not be hane users). A care plan says how
-- often a client is visited; the schedule generator turns plans into
-- homecare_visit rows, one per planned slot. Visits are never deleted:
-- moving one marks it 'rescheduled' and links the new row (moved_to and
-- moved_from), cancelling keeps it as 'cancelled' with the reason.
-- Public holidays are in data/reference/homecare-holidays.txt (embedded),
-- not here.
--
-- Coded values (English in the database, Turkish on screen):
--   services  care | cleaning | both          (client)
--   service   care | cleaning                 (plan, visit)
--   period    week | month
--   days      weekday digits, 1 = Monday … 7 = Sunday ("135")
--   status    planned | done | missed | cancelled | rescheduled
--   reason    client_absent | refused | staff_absent   (missed)
--   follow-up NULL | open | closed             (missed visits)

CREATE TABLE homecare_worker (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL,
	kind TEXT NOT NULL DEFAULT 'caregiver'
		CHECK (kind IN ('caregiver', 'team')),
	services TEXT NOT NULL CHECK (services IN ('care', 'cleaning', 'both')),
	work_days TEXT NOT NULL DEFAULT '12345',
	phone TEXT,
	staff_id INTEGER REFERENCES staff (id), -- when also a hane user
	active INTEGER NOT NULL DEFAULT 1,
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT
);

CREATE TABLE homecare_client (
	id INTEGER PRIMARY KEY,
	person_id INTEGER NOT NULL REFERENCES person (id),
	services TEXT NOT NULL CHECK (services IN ('care', 'cleaning', 'both')),
	start_date TEXT NOT NULL,
	end_date TEXT,
	end_reason TEXT CHECK (end_reason IN
		('death', 'moved', 'institution', 'withdrew')),
	needs TEXT NOT NULL DEFAULT '',   -- comma list of need codes
	notes TEXT,
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT,
	CHECK ((end_date IS NULL) = (end_reason IS NULL))
);
-- A person is an open client once; after an end they may be taken again.
CREATE UNIQUE INDEX homecare_client_open ON homecare_client (person_id)
	WHERE end_date IS NULL;
CREATE INDEX homecare_client_person ON homecare_client (person_id);

CREATE TABLE homecare_plan (
	id INTEGER PRIMARY KEY,
	client_id INTEGER NOT NULL REFERENCES homecare_client (id),
	service TEXT NOT NULL CHECK (service IN ('care', 'cleaning')),
	period TEXT NOT NULL CHECK (period IN ('week', 'month')),
	visits INTEGER NOT NULL CHECK (visits BETWEEN 1 AND 31),
	days TEXT NOT NULL DEFAULT '',    -- preferred weekdays; '' = Mon–Fri
	window_start TEXT NOT NULL,       -- "HH:MM"
	window_end TEXT NOT NULL,
	duration_min INTEGER NOT NULL CHECK (duration_min BETWEEN 15 AND 600),
	worker_id INTEGER REFERENCES homecare_worker (id),
	valid_from TEXT NOT NULL,
	valid_to TEXT,                    -- last day; NULL = open
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT
);
CREATE INDEX homecare_plan_client ON homecare_plan (client_id);

CREATE TABLE homecare_visit (
	id INTEGER PRIMARY KEY,
	client_id INTEGER NOT NULL REFERENCES homecare_client (id),
	plan_id INTEGER REFERENCES homecare_plan (id), -- NULL: added by hand
	slot_date TEXT,                   -- the plan slot this visit fills
	service TEXT NOT NULL CHECK (service IN ('care', 'cleaning')),
	date TEXT NOT NULL,
	start_time TEXT NOT NULL,
	end_time TEXT NOT NULL,
	worker_id INTEGER REFERENCES homecare_worker (id),
	status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN
		('planned', 'done', 'missed', 'cancelled', 'rescheduled')),
	missed_reason TEXT CHECK (missed_reason IN
		('client_absent', 'refused', 'staff_absent')),
	actual_start TEXT,
	actual_end TEXT,
	tasks TEXT,
	notes TEXT,
	cancel_reason TEXT,
	moved_from INTEGER REFERENCES homecare_visit (id),
	moved_to INTEGER REFERENCES homecare_visit (id),
	followup TEXT CHECK (followup IN ('open', 'closed')),
	followup_note TEXT,
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT
);
CREATE INDEX homecare_visit_date ON homecare_visit (date, worker_id);
CREATE INDEX homecare_visit_worker ON homecare_visit (worker_id, date);
CREATE INDEX homecare_visit_client ON homecare_visit (client_id, date);
CREATE INDEX homecare_visit_slot ON homecare_visit (plan_id, slot_date);
CREATE INDEX homecare_visit_followup ON homecare_visit (followup)
	WHERE followup = 'open';

-- Travel time between two mahalleler in minutes, stored once per pair
-- with mahalle_a < mahalle_b (byte order); pairs not listed use the
-- setting travel_default_min, the same mahalle travel_same_min.
CREATE TABLE homecare_travel (
	id INTEGER PRIMARY KEY,
	mahalle_a TEXT NOT NULL,
	mahalle_b TEXT NOT NULL,
	minutes INTEGER NOT NULL CHECK (minutes BETWEEN 0 AND 240),
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT,
	UNIQUE (mahalle_a, mahalle_b),
	CHECK (mahalle_a < mahalle_b)
);

CREATE TABLE homecare_setting (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE,
	value INTEGER NOT NULL,
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT
);
INSERT INTO homecare_setting (name, value, created_at, updated_at) VALUES
	('travel_default_min', 20, '2025-01-01 00:00:00', '2025-01-01 00:00:00'),
	('travel_same_min', 0, '2025-01-01 00:00:00', '2025-01-01 00:00:00');
