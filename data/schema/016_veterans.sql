-- 016: Şehit Yakınları ve Gazi Birimi (martyrs' families and veterans):
-- the roster of households, planned visits, visit records, gift stock.
--
-- A roster row is a registry household with a category and the person it
-- is about (the martyr, or the veteran). Its address is the household's:
-- the registry already records an address outside İzmit with its Kocaeli
-- district in place of a mahalle (013), so the roster keeps no copy.
-- A visit takes its gift set from the stock (veteran_gift_move: stock in
-- positive, a visit's gift negative); the model refuses a gift the stock
-- does not hold. A follow-up opens a social-inspection request through
-- the inspection unit's model; the visit keeps its number.

CREATE TABLE veteran (
	id INTEGER PRIMARY KEY,
	household_id INTEGER NOT NULL REFERENCES household (id),
	category TEXT NOT NULL CHECK (category IN
		('martyr', 'anti_terror', 'cyprus', 'korea', 'other')),
	subject_name TEXT NOT NULL,    -- the martyr or the veteran (personal)
	since TEXT NOT NULL,           -- on the roster since (ISO date)
	remembered_on TEXT,            -- the day remembered (martyrdom), ISO
	active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	notes TEXT,                    -- personal
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT
);
CREATE INDEX veteran_household ON veteran (household_id);

-- The kinds of gift given at visits; stock is the sum of the moves.
CREATE TABLE veteran_gift (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE,
	active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT
);
INSERT INTO veteran_gift (name, created_at, updated_at)
VALUES ('Hediye seti', '2026-01-01 00:00:00', '2026-01-01 00:00:00');

CREATE TABLE veteran_visit (
	id INTEGER PRIMARY KEY,
	veteran_id INTEGER NOT NULL REFERENCES veteran (id),
	date TEXT NOT NULL,
	staff TEXT NOT NULL,           -- who went (staff names)
	present TEXT,                  -- who was present (personal)
	gift_id INTEGER REFERENCES veteran_gift (id),
	gifts INTEGER NOT NULL DEFAULT 0 CHECK (gifts BETWEEN 0 AND 20),
	notes TEXT,                    -- personal
	-- The follow-up's inspection request. Not a REFERENCES: retention
	-- follows one foreign-key path from a table to its household, and a
	-- visit's must be its roster row's (a visit without a follow-up
	-- would not be reached through the request).
	request_id INTEGER,
	plan_id INTEGER,               -- the plan it fulfils
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT
);
CREATE INDEX veteran_visit_veteran ON veteran_visit (veteran_id, date);
CREATE INDEX veteran_visit_date ON veteran_visit (date);

CREATE TABLE veteran_plan (
	id INTEGER PRIMARY KEY,
	veteran_id INTEGER NOT NULL REFERENCES veteran (id),
	date TEXT NOT NULL,
	occasion TEXT NOT NULL DEFAULT 'other'
		CHECK (occasion IN ('anniversary', 'bayram', 'other')),
	assigned TEXT,                 -- who is to go
	status TEXT NOT NULL DEFAULT 'planned'
		CHECK (status IN ('planned', 'done', 'cancelled')),
	visit_id INTEGER REFERENCES veteran_visit (id),
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT
);
CREATE INDEX veteran_plan_date ON veteran_plan (date, status);

CREATE TABLE veteran_gift_move (
	id INTEGER PRIMARY KEY,
	gift_id INTEGER NOT NULL REFERENCES veteran_gift (id),
	date TEXT NOT NULL,
	quantity INTEGER NOT NULL CHECK (quantity <> 0), -- in > 0, out < 0
	visit_id INTEGER REFERENCES veteran_visit (id),
	notes TEXT,
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT
);
CREATE INDEX veteran_gift_move_gift ON veteran_gift_move (gift_id);

-- A roster row with visits keeps its household and category: the year's
-- figures (by category, households served) are counted from them.
CREATE TRIGGER veteran_keep_counted
BEFORE UPDATE OF household_id, category ON veteran
WHEN (NEW.household_id <> OLD.household_id OR NEW.category <> OLD.category)
 AND EXISTS (SELECT 1 FROM veteran_visit WHERE veteran_id = OLD.id)
BEGIN
	SELECT RAISE(ABORT, 'veteran with visits: household and category are kept');
END;

-- ---- What is already recorded ----------------------------------------------
-- (nothing when the tables are new; hane_overview_rebuild runs this part
-- again after 011's, so the directorate's households add to theirs.)
INSERT INTO ov_tally (measure, month, n)
SELECT 'veterans.visits', substr(R.date, 1, 7), sum(1) FROM veteran_visit R
GROUP BY 2;
INSERT INTO ov_tally (measure, month, n)
SELECT 'veterans.gifts', substr(R.date, 1, 7), sum(R.gifts) FROM veteran_visit R
WHERE R.gifts > 0
GROUP BY 2;
INSERT INTO ov_served (measure, year, key, n, persons)
SELECT 'veterans.households', year, key, count(*), (SELECT count(*) FROM person WHERE household_id = key) FROM (
	SELECT CAST(substr(R.date, 1, 4) AS INTEGER) AS year, V.household_id AS key
	FROM veteran_visit R JOIN veteran V ON V.id = R.veteran_id
)
GROUP BY year, key;
INSERT INTO ov_served (measure, year, key, n, persons)
SELECT 'veterans.' || category, year, key, count(*), (SELECT count(*) FROM person WHERE household_id = key) FROM (
	SELECT CAST(substr(R.date, 1, 4) AS INTEGER) AS year, V.household_id AS key, V.category AS category
	FROM veteran_visit R JOIN veteran V ON V.id = R.veteran_id
)
GROUP BY category, year, key;
INSERT INTO ov_served (measure, year, key, n, persons)
SELECT 'all.households', year, key, count(*), (SELECT count(*) FROM person WHERE household_id = key) FROM (
	SELECT CAST(substr(R.date, 1, 4) AS INTEGER) AS year, V.household_id AS key
	FROM veteran_visit R JOIN veteran V ON V.id = R.veteran_id
)
WHERE true GROUP BY year, key
ON CONFLICT DO UPDATE SET n = n + excluded.n;
-- ---- Kept right by triggers ------------------------------------------------

CREATE TRIGGER ov_veteran_visit_insert AFTER INSERT ON veteran_visit
BEGIN
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'veterans.visits', substr(NEW.date, 1, 7), 1
	WHERE true
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'veterans.gifts', substr(NEW.date, 1, 7), NEW.gifts
	WHERE NEW.gifts > 0
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO ov_served (measure, year, key, n, persons)
	SELECT m.measure, CAST(substr(NEW.date, 1, 4) AS INTEGER), V.household_id,
	       1, (SELECT count(*) FROM person WHERE household_id = V.household_id)
	FROM veteran V,
	     (SELECT 'veterans.households' AS measure UNION ALL
	      SELECT 'all.households' UNION ALL
	      SELECT 'veterans.' || (SELECT category FROM veteran WHERE id = NEW.veteran_id)) m
	WHERE V.id = NEW.veteran_id
	ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER ov_veteran_visit_delete AFTER DELETE ON veteran_visit
BEGIN
	UPDATE ov_tally SET n = n - 1
	WHERE measure = 'veterans.visits' AND month = substr(OLD.date, 1, 7);
	UPDATE ov_tally SET n = n - OLD.gifts
	WHERE measure = 'veterans.gifts' AND month = substr(OLD.date, 1, 7)
	  AND OLD.gifts > 0;
	UPDATE ov_served SET n = n - 1
	WHERE year = CAST(substr(OLD.date, 1, 4) AS INTEGER)
	  AND key = (SELECT household_id FROM veteran WHERE id = OLD.veteran_id)
	  AND measure IN ('veterans.households', 'all.households',
	      'veterans.' || (SELECT category FROM veteran WHERE id = OLD.veteran_id));
END;
CREATE TRIGGER ov_veteran_visit_update
AFTER UPDATE OF veteran_id, date, gifts ON veteran_visit
BEGIN
	UPDATE ov_tally SET n = n - 1
	WHERE measure = 'veterans.visits' AND month = substr(OLD.date, 1, 7);
	UPDATE ov_tally SET n = n - OLD.gifts
	WHERE measure = 'veterans.gifts' AND month = substr(OLD.date, 1, 7)
	  AND OLD.gifts > 0;
	UPDATE ov_served SET n = n - 1
	WHERE year = CAST(substr(OLD.date, 1, 4) AS INTEGER)
	  AND key = (SELECT household_id FROM veteran WHERE id = OLD.veteran_id)
	  AND measure IN ('veterans.households', 'all.households',
	      'veterans.' || (SELECT category FROM veteran WHERE id = OLD.veteran_id));
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'veterans.visits', substr(NEW.date, 1, 7), 1
	WHERE true
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'veterans.gifts', substr(NEW.date, 1, 7), NEW.gifts
	WHERE NEW.gifts > 0
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO ov_served (measure, year, key, n, persons)
	SELECT m.measure, CAST(substr(NEW.date, 1, 4) AS INTEGER), V.household_id,
	       1, (SELECT count(*) FROM person WHERE household_id = V.household_id)
	FROM veteran V,
	     (SELECT 'veterans.households' AS measure UNION ALL
	      SELECT 'all.households' UNION ALL
	      SELECT 'veterans.' || (SELECT category FROM veteran WHERE id = NEW.veteran_id)) m
	WHERE V.id = NEW.veteran_id
	ON CONFLICT DO UPDATE SET n = n + 1;
END;
