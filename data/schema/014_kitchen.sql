-- 014: Aşevi (the soup kitchen): channels and items (reference lists an
-- administrator extends), the daily tally, and the roster of households
-- that receive meals at home (#20).
--
-- The tally counts portions: one row per date × channel × item. Its
-- running totals (ov_tally, migration 011) are kept per month under the
-- measure 'kitchen.<channel code>.<item code>', so the codes never change
-- once made (a trigger refuses it) and the annual report can name a
-- channel's item, an item over every channel, or a whole channel.
--
-- A household on the home-meal roster counts among the kitchen's and the
-- directorate's unduplicated households (ov_served 'kitchen.households'
-- and 'all.households') in every year from its start to its end; an open
-- entry in every year from its start on (to 2099, the last year of
-- kitchen_year: triggers cannot count years without a table of them).

CREATE TABLE kitchen_channel (
	id INTEGER PRIMARY KEY,
	code TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL,
	sort INTEGER NOT NULL DEFAULT 0,
	active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT
);

CREATE TABLE kitchen_item (
	id INTEGER PRIMARY KEY,
	code TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL,
	unit TEXT NOT NULL
		CHECK (unit IN ('bardak', 'öğün', 'dilim', 'kase', 'tabak',
				'adet')),
	sort INTEGER NOT NULL DEFAULT 0,
	active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT
);

CREATE TRIGGER kitchen_channel_code BEFORE UPDATE OF code ON kitchen_channel
WHEN NEW.code IS NOT OLD.code
BEGIN
	SELECT RAISE(ABORT, 'kitchen_channel.code is fixed');
END;
CREATE TRIGGER kitchen_item_code BEFORE UPDATE OF code ON kitchen_item
WHEN NEW.code IS NOT OLD.code
BEGIN
	SELECT RAISE(ABORT, 'kitchen_item.code is fixed');
END;

CREATE TABLE kitchen_tally (
	id INTEGER PRIMARY KEY,
	date TEXT NOT NULL,            -- ISO
	channel_id INTEGER NOT NULL REFERENCES kitchen_channel (id),
	item_id INTEGER NOT NULL REFERENCES kitchen_item (id),
	count INTEGER NOT NULL DEFAULT 0 CHECK (count >= 0),
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT,
	UNIQUE (date, channel_id, item_id)
);

CREATE TABLE kitchen_home (
	id INTEGER PRIMARY KEY,
	household_id INTEGER NOT NULL REFERENCES household (id),
	start_date TEXT NOT NULL,
	end_date TEXT,                 -- NULL: still receiving meals
	note TEXT,                     -- personal (may hold health details)
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT,
	CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX kitchen_home_household ON kitchen_home (household_id);

-- The years a roster entry can count in.
CREATE TABLE kitchen_year (year INTEGER PRIMARY KEY) WITHOUT ROWID;
INSERT INTO kitchen_year (year)
WITH RECURSIVE y(n) AS (SELECT 2000 UNION ALL SELECT n + 1 FROM y
			WHERE n < 2099)
SELECT n FROM y;

-- ---- Reference data --------------------------------------------------------
-- The directorate's channels and items of 2025 (#20).
INSERT INTO kitchen_channel (code, name, sort, created_at, updated_at,
			     created_by, updated_by)
SELECT v.code, v.name, v.sort, datetime('now', '+3 hours'),
       datetime('now', '+3 hours'), 'migration', 'migration'
FROM (SELECT 'morning' AS code, 'Sabah ikramı' AS name, 1 AS sort
      UNION ALL SELECT 'hot', 'Sıcak yemek', 2
      UNION ALL SELECT 'mobile', 'Mobil ikram aracı', 3
      UNION ALL SELECT 'neighbourhood', 'Mahalle mutfağı', 4) v;

INSERT INTO kitchen_item (code, name, unit, sort, created_at, updated_at,
			  created_by, updated_by)
SELECT v.code, v.name, v.unit, v.sort, datetime('now', '+3 hours'),
       datetime('now', '+3 hours'), 'migration', 'migration'
FROM (SELECT 'soup' AS code, 'Çorba' AS name, 'bardak' AS unit, 1 AS sort
      UNION ALL SELECT 'meal', 'Sıcak yemek', 'öğün', 2
      UNION ALL SELECT 'cake', 'Kek', 'dilim', 3
      UNION ALL SELECT 'lemonade', 'Limonata', 'bardak', 4
      UNION ALL SELECT 'irmik', 'İrmik helvası', 'kase', 5
      UNION ALL SELECT 'plate', 'Yemek', 'tabak', 6
      UNION ALL SELECT 'pastry', 'Poğaça', 'adet', 7
      UNION ALL SELECT 'asure', 'Aşure', 'kase', 8) v;

-- ---- What is already recorded ----------------------------------------------
-- (hane_overview_rebuild runs this part of every migration that has one,
-- after 011's, into the emptied totals.)
INSERT INTO ov_tally (measure, month, n)
SELECT 'kitchen.' || c.code || '.' || i.code, substr(t.date, 1, 7),
       sum(t.count)
FROM kitchen_tally t
JOIN kitchen_channel c ON c.id = t.channel_id
JOIN kitchen_item i ON i.id = t.item_id
GROUP BY 1, 2
ON CONFLICT DO UPDATE SET n = n + excluded.n;
INSERT INTO ov_served (measure, year, key, n, persons)
SELECT m.measure, y.year, h.household_id, count(*),
       (SELECT count(*) FROM person p WHERE p.household_id = h.household_id)
FROM kitchen_home h
JOIN kitchen_year y
  ON y.year BETWEEN CAST(substr(h.start_date, 1, 4) AS INTEGER)
		AND coalesce(CAST(substr(h.end_date, 1, 4) AS INTEGER), 2099)
JOIN (SELECT 'kitchen.households' AS measure
      UNION ALL SELECT 'all.households') m
GROUP BY 1, 2, 3
ON CONFLICT DO UPDATE SET n = n + excluded.n;

-- ---- Kept right by triggers -------------------------------------------------
CREATE TRIGGER ov_kitchen_tally_insert AFTER INSERT ON kitchen_tally
BEGIN
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'kitchen.' || c.code || '.' || i.code, substr(NEW.date, 1, 7),
	       NEW.count
	FROM kitchen_channel c, kitchen_item i
	WHERE c.id = NEW.channel_id AND i.id = NEW.item_id
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER ov_kitchen_tally_delete AFTER DELETE ON kitchen_tally
BEGIN
	UPDATE ov_tally SET n = n - OLD.count
	WHERE month = substr(OLD.date, 1, 7)
	  AND measure = (SELECT 'kitchen.' || c.code || '.' || i.code
			 FROM kitchen_channel c, kitchen_item i
			 WHERE c.id = OLD.channel_id AND i.id = OLD.item_id);
END;
CREATE TRIGGER ov_kitchen_tally_update
AFTER UPDATE OF date, channel_id, item_id, count ON kitchen_tally
BEGIN
	UPDATE ov_tally SET n = n - OLD.count
	WHERE month = substr(OLD.date, 1, 7)
	  AND measure = (SELECT 'kitchen.' || c.code || '.' || i.code
			 FROM kitchen_channel c, kitchen_item i
			 WHERE c.id = OLD.channel_id AND i.id = OLD.item_id);
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'kitchen.' || c.code || '.' || i.code, substr(NEW.date, 1, 7),
	       NEW.count
	FROM kitchen_channel c, kitchen_item i
	WHERE c.id = NEW.channel_id AND i.id = NEW.item_id
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER ov_kitchen_home_insert AFTER INSERT ON kitchen_home
BEGIN
	INSERT INTO ov_served (measure, year, key, n, persons)
	SELECT m.measure, y.year, NEW.household_id, 1,
	       (SELECT count(*) FROM person WHERE household_id = NEW.household_id)
	FROM kitchen_year y,
	     (SELECT 'kitchen.households' AS measure
	      UNION ALL SELECT 'all.households') m
	WHERE y.year BETWEEN CAST(substr(NEW.start_date, 1, 4) AS INTEGER)
			 AND coalesce(CAST(substr(NEW.end_date, 1, 4) AS INTEGER),
				      2099)
	ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER ov_kitchen_home_delete AFTER DELETE ON kitchen_home
BEGIN
	UPDATE ov_served SET n = n - 1
	WHERE measure IN ('kitchen.households', 'all.households')
	  AND key = OLD.household_id
	  AND year BETWEEN CAST(substr(OLD.start_date, 1, 4) AS INTEGER)
		       AND coalesce(CAST(substr(OLD.end_date, 1, 4) AS INTEGER),
				    2099);
END;
CREATE TRIGGER ov_kitchen_home_update
AFTER UPDATE OF household_id, start_date, end_date ON kitchen_home
BEGIN
	UPDATE ov_served SET n = n - 1
	WHERE measure IN ('kitchen.households', 'all.households')
	  AND key = OLD.household_id
	  AND year BETWEEN CAST(substr(OLD.start_date, 1, 4) AS INTEGER)
		       AND coalesce(CAST(substr(OLD.end_date, 1, 4) AS INTEGER),
				    2099);
	INSERT INTO ov_served (measure, year, key, n, persons)
	SELECT m.measure, y.year, NEW.household_id, 1,
	       (SELECT count(*) FROM person WHERE household_id = NEW.household_id)
	FROM kitchen_year y,
	     (SELECT 'kitchen.households' AS measure
	      UNION ALL SELECT 'all.households') m
	WHERE y.year BETWEEN CAST(substr(NEW.start_date, 1, 4) AS INTEGER)
			 AND coalesce(CAST(substr(NEW.end_date, 1, 4) AS INTEGER),
				      2099)
	ON CONFLICT DO UPDATE SET n = n + 1;
END;
