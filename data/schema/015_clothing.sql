-- 015: Dost Eller Giyim Mağazası (the clothing store, #20): what is given
-- to a person (an issue with its lines: category, size, quantity), who may
-- receive it (the food bank's referral, an inspection aid decision, or a
-- clothing referral of its own), a limit per category and period an
-- administrator sets, donations in, and the stock per category (in − out,
-- counted from the lines).

-- Categories: a reference list an administrator extends. limit_qty is
-- the number of pieces one person may receive in one period (0: none).
CREATE TABLE clothing_category (
	id INTEGER PRIMARY KEY,
	code TEXT NOT NULL UNIQUE CHECK (code GLOB '[a-z]*' AND code NOT GLOB '*[^a-z0-9_]*'),
	name_tr TEXT NOT NULL,
	name_en TEXT NOT NULL,
	limit_qty INTEGER NOT NULL DEFAULT 0 CHECK (limit_qty BETWEEN 0 AND 999),
	active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT
);
INSERT INTO clothing_category (code, name_tr, name_en, limit_qty, created_at, updated_at, created_by, updated_by) VALUES
	('adult', 'Yetişkin giyim', 'Adult clothing', 6, datetime('now', '+3 hours'), datetime('now', '+3 hours'), 'migration', 'migration'),
	('child', 'Çocuk giyim', 'Child clothing', 4, datetime('now', '+3 hours'), datetime('now', '+3 hours'), 'migration', 'migration'),
	('baby', 'Bebek ürünleri', 'Baby goods', 6, datetime('now', '+3 hours'), datetime('now', '+3 hours'), 'migration', 'migration'),
	('shoes', 'Ayakkabı', 'Shoes', 1, datetime('now', '+3 hours'), datetime('now', '+3 hours'), 'migration', 'migration');

-- The period the limits count in: months long, the first starting on
-- 1 March (6: March–August and September–February, the store's summer
-- and winter seasons). One row.
CREATE TABLE clothing_setting (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	period_months INTEGER NOT NULL DEFAULT 6 CHECK (period_months IN (1, 2, 3, 4, 6, 12)),
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT
);
INSERT INTO clothing_setting (id, period_months, created_at, updated_at, created_by, updated_by)
VALUES (1, 6, datetime('now', '+3 hours'), datetime('now', '+3 hours'), 'migration', 'migration');

-- A referral of the store's own (a household the office sends that has no
-- food bank referral or inspection decision).
CREATE TABLE clothing_referral (
	id INTEGER PRIMARY KEY,
	household_id INTEGER NOT NULL REFERENCES household (id),
	reason TEXT NOT NULL,
	valid_from TEXT NOT NULL,
	valid_until TEXT,
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT,
	CHECK (valid_until IS NULL OR valid_until >= valid_from)
);
CREATE INDEX clothing_referral_household ON clothing_referral (household_id, valid_from);

-- An issue (teslim) to one person. household_id is the person's household
-- on the day (the directorate's unduplicated households count it);
-- source and referral_id say what made the person eligible.
CREATE TABLE clothing_issue (
	id INTEGER PRIMARY KEY,
	person_id INTEGER NOT NULL REFERENCES person (id),
	household_id INTEGER NOT NULL REFERENCES household (id),
	date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	source TEXT NOT NULL CHECK (source IN ('foodbank', 'inspection', 'clothing')),
	referral_id INTEGER NOT NULL,
	override_reason TEXT,
	notes TEXT,
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT
);
CREATE INDEX clothing_issue_person ON clothing_issue (person_id, date);
CREATE INDEX clothing_issue_date ON clothing_issue (date);

CREATE TABLE clothing_issue_line (
	id INTEGER PRIMARY KEY,
	issue_id INTEGER NOT NULL REFERENCES clothing_issue (id) ON DELETE CASCADE,
	category_id INTEGER NOT NULL REFERENCES clothing_category (id),
	size TEXT,
	qty INTEGER NOT NULL CHECK (qty > 0)
);
CREATE INDEX clothing_issue_line_issue ON clothing_issue_line (issue_id);
CREATE INDEX clothing_issue_line_category ON clothing_issue_line (category_id);

-- Donations in: date, donor (optional; a person's name is personal data),
-- lines per category.
CREATE TABLE clothing_donation (
	id INTEGER PRIMARY KEY,
	date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	donor TEXT,
	notes TEXT,
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT
);
CREATE INDEX clothing_donation_date ON clothing_donation (date);

CREATE TABLE clothing_donation_line (
	id INTEGER PRIMARY KEY,
	donation_id INTEGER NOT NULL REFERENCES clothing_donation (id) ON DELETE CASCADE,
	category_id INTEGER NOT NULL REFERENCES clothing_category (id),
	qty INTEGER NOT NULL CHECK (qty > 0)
);
CREATE INDEX clothing_donation_line_donation ON clothing_donation_line (donation_id);
CREATE INDEX clothing_donation_line_category ON clothing_donation_line (category_id);

-- ---- Running totals (as 011_overview_tally.sql) -----------------------------
-- ov_tally: clothing.issues, clothing.items and clothing.items.<category>
-- by the issue's month; clothing.donations and clothing.donated_items by
-- the donation's month. ov_served: clothing.persons (key person),
-- clothing.households and all.households (key household) by the issue's
-- year. A line's figures follow its issue's date; when an issue goes, its
-- BEFORE DELETE trigger takes its lines' pieces away (the cascade deletes
-- the lines after the issue row, when their triggers no longer find it).
-- `hane overview rebuild` runs the part below that counts what is already
-- recorded after 011's, adding to its sums (all.households).

-- ---- What is already recorded ----------------------------------------------
INSERT INTO ov_tally (measure, month, n)
SELECT 'clothing.issues', substr(R.date, 1, 7), count(*) FROM clothing_issue R
WHERE true GROUP BY 2
ON CONFLICT DO UPDATE SET n = n + excluded.n;
INSERT INTO ov_tally (measure, month, n)
SELECT 'clothing.items', substr(R.date, 1, 7), sum(L.qty)
FROM clothing_issue_line L JOIN clothing_issue R ON R.id = L.issue_id
WHERE true GROUP BY 2
ON CONFLICT DO UPDATE SET n = n + excluded.n;
INSERT INTO ov_tally (measure, month, n)
SELECT 'clothing.items.' || C.code, substr(R.date, 1, 7), sum(L.qty)
FROM clothing_issue_line L JOIN clothing_issue R ON R.id = L.issue_id
JOIN clothing_category C ON C.id = L.category_id
WHERE true GROUP BY 1, 2
ON CONFLICT DO UPDATE SET n = n + excluded.n;
INSERT INTO ov_tally (measure, month, n)
SELECT 'clothing.donations', substr(R.date, 1, 7), count(*) FROM clothing_donation R
WHERE true GROUP BY 2
ON CONFLICT DO UPDATE SET n = n + excluded.n;
INSERT INTO ov_tally (measure, month, n)
SELECT 'clothing.donated_items', substr(R.date, 1, 7), sum(L.qty)
FROM clothing_donation_line L JOIN clothing_donation R ON R.id = L.donation_id
WHERE true GROUP BY 2
ON CONFLICT DO UPDATE SET n = n + excluded.n;
INSERT INTO ov_served (measure, year, key, n, persons)
SELECT 'clothing.persons', CAST(substr(R.date, 1, 4) AS INTEGER), R.person_id, count(*), 1
FROM clothing_issue R
WHERE true GROUP BY 2, 3
ON CONFLICT DO UPDATE SET n = n + excluded.n;
INSERT INTO ov_served (measure, year, key, n, persons)
SELECT M.measure, CAST(substr(R.date, 1, 4) AS INTEGER), R.household_id, count(*),
       (SELECT count(*) FROM person WHERE household_id = R.household_id)
FROM clothing_issue R, (SELECT 'clothing.households' AS measure UNION ALL SELECT 'all.households') M
WHERE true GROUP BY 1, 2, 3
ON CONFLICT DO UPDATE SET n = n + excluded.n;

-- ---- Kept right by triggers -------------------------------------------------
CREATE TRIGGER ov_clothing_issue_insert AFTER INSERT ON clothing_issue
BEGIN
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'clothing.issues', substr(NEW.date, 1, 7), 1
	WHERE true
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO ov_served (measure, year, key, n, persons)
	SELECT 'clothing.persons', CAST(substr(NEW.date, 1, 4) AS INTEGER), NEW.person_id, 1, 1
	WHERE true
	ON CONFLICT DO UPDATE SET n = n + 1;
	INSERT INTO ov_served (measure, year, key, n, persons)
	SELECT m.measure, CAST(substr(NEW.date, 1, 4) AS INTEGER), NEW.household_id,
	       1, (SELECT count(*) FROM person WHERE household_id = NEW.household_id)
	FROM (SELECT 'clothing.households' AS measure UNION ALL SELECT 'all.households') m
	WHERE true
	ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER ov_clothing_issue_delete BEFORE DELETE ON clothing_issue
BEGIN
	UPDATE ov_tally SET n = n - 1
	WHERE measure = 'clothing.issues' AND month = substr(OLD.date, 1, 7);
	UPDATE ov_tally SET n = n - (SELECT coalesce(sum(qty), 0) FROM clothing_issue_line WHERE issue_id = OLD.id)
	WHERE measure = 'clothing.items' AND month = substr(OLD.date, 1, 7);
	UPDATE ov_tally SET n = n - (SELECT coalesce(sum(l.qty), 0) FROM clothing_issue_line l
		JOIN clothing_category c ON c.id = l.category_id
		WHERE l.issue_id = OLD.id AND 'clothing.items.' || c.code = ov_tally.measure)
	WHERE measure LIKE 'clothing.items.%' AND month = substr(OLD.date, 1, 7);
	UPDATE ov_served SET n = n - 1
	WHERE measure = 'clothing.persons'
	  AND year = CAST(substr(OLD.date, 1, 4) AS INTEGER) AND key = OLD.person_id;
	UPDATE ov_served SET n = n - 1
	WHERE measure IN ('clothing.households', 'all.households')
	  AND year = CAST(substr(OLD.date, 1, 4) AS INTEGER) AND key = OLD.household_id;
END;

-- A merge moves person_id, a correction the date: out with the old, in
-- with the new (the lines' pieces move with the date).
CREATE TRIGGER ov_clothing_issue_update
AFTER UPDATE OF person_id, household_id, date ON clothing_issue
BEGIN
	UPDATE ov_tally SET n = n - 1
	WHERE measure = 'clothing.issues' AND month = substr(OLD.date, 1, 7);
	UPDATE ov_tally SET n = n - (SELECT coalesce(sum(qty), 0) FROM clothing_issue_line WHERE issue_id = OLD.id)
	WHERE measure = 'clothing.items' AND month = substr(OLD.date, 1, 7);
	UPDATE ov_tally SET n = n - (SELECT coalesce(sum(l.qty), 0) FROM clothing_issue_line l
		JOIN clothing_category c ON c.id = l.category_id
		WHERE l.issue_id = OLD.id AND 'clothing.items.' || c.code = ov_tally.measure)
	WHERE measure LIKE 'clothing.items.%' AND month = substr(OLD.date, 1, 7);
	UPDATE ov_served SET n = n - 1
	WHERE measure = 'clothing.persons'
	  AND year = CAST(substr(OLD.date, 1, 4) AS INTEGER) AND key = OLD.person_id;
	UPDATE ov_served SET n = n - 1
	WHERE measure IN ('clothing.households', 'all.households')
	  AND year = CAST(substr(OLD.date, 1, 4) AS INTEGER) AND key = OLD.household_id;
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'clothing.issues', substr(NEW.date, 1, 7), 1
	WHERE true
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'clothing.items', substr(NEW.date, 1, 7), sum(qty)
	FROM clothing_issue_line WHERE issue_id = NEW.id
	GROUP BY 1, 2
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'clothing.items.' || c.code, substr(NEW.date, 1, 7), sum(l.qty)
	FROM clothing_issue_line l JOIN clothing_category c ON c.id = l.category_id
	WHERE l.issue_id = NEW.id
	GROUP BY 1, 2
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO ov_served (measure, year, key, n, persons)
	SELECT 'clothing.persons', CAST(substr(NEW.date, 1, 4) AS INTEGER), NEW.person_id, 1, 1
	WHERE true
	ON CONFLICT DO UPDATE SET n = n + 1;
	INSERT INTO ov_served (measure, year, key, n, persons)
	SELECT m.measure, CAST(substr(NEW.date, 1, 4) AS INTEGER), NEW.household_id,
	       1, (SELECT count(*) FROM person WHERE household_id = NEW.household_id)
	FROM (SELECT 'clothing.households' AS measure UNION ALL SELECT 'all.households') m
	WHERE true
	ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER ov_clothing_line_insert AFTER INSERT ON clothing_issue_line
BEGIN
	INSERT INTO ov_tally (measure, month, n)
	SELECT m.measure, substr(i.date, 1, 7), NEW.qty
	FROM clothing_issue i,
	     (SELECT 'clothing.items' AS measure
	      UNION ALL SELECT 'clothing.items.' || code FROM clothing_category WHERE id = NEW.category_id) m
	WHERE i.id = NEW.issue_id
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER ov_clothing_line_delete AFTER DELETE ON clothing_issue_line
BEGIN
	UPDATE ov_tally SET n = n - OLD.qty
	WHERE month = (SELECT substr(date, 1, 7) FROM clothing_issue WHERE id = OLD.issue_id)
	  AND measure IN ('clothing.items',
			  (SELECT 'clothing.items.' || code FROM clothing_category WHERE id = OLD.category_id));
END;

CREATE TRIGGER ov_clothing_line_update
AFTER UPDATE OF issue_id, category_id, qty ON clothing_issue_line
BEGIN
	UPDATE ov_tally SET n = n - OLD.qty
	WHERE month = (SELECT substr(date, 1, 7) FROM clothing_issue WHERE id = OLD.issue_id)
	  AND measure IN ('clothing.items',
			  (SELECT 'clothing.items.' || code FROM clothing_category WHERE id = OLD.category_id));
	INSERT INTO ov_tally (measure, month, n)
	SELECT m.measure, substr(i.date, 1, 7), NEW.qty
	FROM clothing_issue i,
	     (SELECT 'clothing.items' AS measure
	      UNION ALL SELECT 'clothing.items.' || code FROM clothing_category WHERE id = NEW.category_id) m
	WHERE i.id = NEW.issue_id
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER ov_clothing_donation_insert AFTER INSERT ON clothing_donation
BEGIN
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'clothing.donations', substr(NEW.date, 1, 7), 1
	WHERE true
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER ov_clothing_donation_delete BEFORE DELETE ON clothing_donation
BEGIN
	UPDATE ov_tally SET n = n - 1
	WHERE measure = 'clothing.donations' AND month = substr(OLD.date, 1, 7);
	UPDATE ov_tally SET n = n - (SELECT coalesce(sum(qty), 0) FROM clothing_donation_line WHERE donation_id = OLD.id)
	WHERE measure = 'clothing.donated_items' AND month = substr(OLD.date, 1, 7);
END;

CREATE TRIGGER ov_clothing_donation_update AFTER UPDATE OF date ON clothing_donation
BEGIN
	UPDATE ov_tally SET n = n - 1
	WHERE measure = 'clothing.donations' AND month = substr(OLD.date, 1, 7);
	UPDATE ov_tally SET n = n - (SELECT coalesce(sum(qty), 0) FROM clothing_donation_line WHERE donation_id = OLD.id)
	WHERE measure = 'clothing.donated_items' AND month = substr(OLD.date, 1, 7);
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'clothing.donations', substr(NEW.date, 1, 7), 1
	WHERE true
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'clothing.donated_items', substr(NEW.date, 1, 7), sum(qty)
	FROM clothing_donation_line WHERE donation_id = NEW.id
	GROUP BY 1, 2
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER ov_clothing_donation_line_insert AFTER INSERT ON clothing_donation_line
BEGIN
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'clothing.donated_items', substr(d.date, 1, 7), NEW.qty
	FROM clothing_donation d WHERE d.id = NEW.donation_id
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER ov_clothing_donation_line_delete AFTER DELETE ON clothing_donation_line
BEGIN
	UPDATE ov_tally SET n = n - OLD.qty
	WHERE measure = 'clothing.donated_items'
	  AND month = (SELECT substr(date, 1, 7) FROM clothing_donation WHERE id = OLD.donation_id);
END;

CREATE TRIGGER ov_clothing_donation_line_update
AFTER UPDATE OF donation_id, qty ON clothing_donation_line
BEGIN
	UPDATE ov_tally SET n = n - OLD.qty
	WHERE measure = 'clothing.donated_items'
	  AND month = (SELECT substr(date, 1, 7) FROM clothing_donation WHERE id = OLD.donation_id);
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'clothing.donated_items', substr(d.date, 1, 7), NEW.qty
	FROM clothing_donation d WHERE d.id = NEW.donation_id
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
