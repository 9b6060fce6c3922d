-- 007: the overview — merges of duplicate persons (kept so that a merge
-- can be undone) and the record of generated years of activity.
--
-- A merge keeps person b's whole row (b is deleted by the merge and
-- re-inserted with its id by an undo), person a's values before the merge
-- (only the fields it took from b differ), a's version right after the
-- merge (an undo refuses when a was edited since), and the rows of other
-- units that were moved from b to a (overview_merge_ref).

CREATE TABLE overview_merge (
	id INTEGER PRIMARY KEY,
	kept_id INTEGER NOT NULL,      -- person a (stays)
	merged_id INTEGER NOT NULL,    -- person b (deleted; id kept for undo)
	kept_version INTEGER NOT NULL, -- a's version after the merge
	fields TEXT NOT NULL DEFAULT '', -- taken from b: "tckn,phone"
	-- a before the merge
	a_tckn TEXT, a_first_name TEXT, a_last_name TEXT, a_birth_date TEXT,
	a_sex TEXT, a_disability_pct INTEGER, a_chronic_illness TEXT,
	a_phone TEXT,
	-- b as it was
	b_household_id INTEGER NOT NULL, b_tckn TEXT,
	b_first_name TEXT NOT NULL, b_last_name TEXT NOT NULL,
	b_name_key TEXT NOT NULL, b_birth_date TEXT, b_sex TEXT,
	b_relation TEXT NOT NULL, b_disability_pct INTEGER,
	b_chronic_illness TEXT, b_phone TEXT, b_phone_key TEXT,
	b_created_at TEXT NOT NULL, b_created_by TEXT,
	-- b headed its household alone: the household's head and status
	hh_id INTEGER, hh_status TEXT,
	undone_at TEXT,
	undone_by TEXT,
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT
);
CREATE INDEX overview_merge_kept ON overview_merge (kept_id);

CREATE TABLE overview_merge_ref (
	id INTEGER PRIMARY KEY,
	merge_id INTEGER NOT NULL REFERENCES overview_merge (id),
	tbl TEXT NOT NULL,             -- homecare_client, taxi_rider, fb_donation
	col TEXT NOT NULL,
	row_id INTEGER NOT NULL,
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT
);
CREATE INDEX overview_merge_ref_merge ON overview_merge_ref (merge_id);

-- What `hane demo-year` made, figure by figure, so the annual report on a
-- generated year can be checked against it.
CREATE TABLE overview_demo_run (
	id INTEGER PRIMARY KEY,
	year INTEGER NOT NULL,
	scale TEXT NOT NULL,
	seed INTEGER NOT NULL,
	counts TEXT NOT NULL,          -- "figure.id=value" lines
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT
);

-- The annual report counts a year's decisions by outcome, type and kind
-- and sums cash amounts: covered by one index, each of those figures is a
-- range walk of the index instead of a scan of the table (75 → 25 ms at
-- ten times İzmit's 2025).
CREATE INDEX overview_decision_year ON inspection_decision
	(decided_on, outcome, aid_type, kind, amount_kurus);
