-- 013: reference lists the office keeps (mahalleler with their aliases,
-- districts outside İzmit) and one holiday list for every unit.
--
-- Seeded from data/reference/*.txt, which the migration reads through
-- hane_reference(NAME) (the embedded file's text; a function that exists
-- only while hane migrates). From here on the lists are the database's:
-- an administrator changes them (hane mahalle …, hane holiday …, Yönetim)
-- without a new build.

CREATE TABLE mahalle (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE,     -- as written in household.mahalle
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT
);

-- Other spellings and old names that mean a mahalle: an import writing
-- "Kulmahmut" or "Yenişehir Mah." finds the mahalle it means. A rename
-- keeps the old name here.
CREATE TABLE mahalle_alias (
	id INTEGER PRIMARY KEY,
	alias TEXT NOT NULL UNIQUE,
	mahalle_id INTEGER NOT NULL REFERENCES mahalle (id) ON DELETE CASCADE,
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT
);
CREATE INDEX mahalle_alias_mahalle ON mahalle_alias (mahalle_id);

-- Kocaeli's other districts: an address outside İzmit is recorded with
-- its district in place of an İzmit mahalle.
CREATE TABLE district (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE,
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT
);

-- Days off besides the fixed national holidays, which hane knows for any
-- year without a row (1 Ocak, 23 Nisan, 1 Mayıs, 19 Mayıs, 15 Temmuz,
-- 30 Ağustos, 29 Ekim; 28 Ekim afternoon): the religious holidays, which
-- move every year (Ramazan and Kurban Bayramı with their arife half
-- days), and any other day an administrator declares. half = 1: the
-- afternoon only (offices close at 13:00).
CREATE TABLE holiday (
	id INTEGER PRIMARY KEY,
	day TEXT NOT NULL UNIQUE CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	name TEXT NOT NULL,
	half INTEGER NOT NULL DEFAULT 0 CHECK (half IN (0, 1)),
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT
);

-- The lines of an embedded reference file (comments and blanks dropped).
CREATE TEMP TABLE ref_line (file TEXT, n INTEGER, line TEXT);
WITH RECURSIVE split (file, n, line, rest) AS (
	SELECT f, 0, NULL, replace(hane_reference(f), char(13), '') || char(10)
	FROM (SELECT 'izmit-mahalleler.txt' AS f
	      UNION ALL SELECT 'kocaeli-ilceler.txt'
	      UNION ALL SELECT 'holidays.txt')
	UNION ALL
	SELECT file, n + 1, substr(rest, 1, instr(rest, char(10)) - 1),
	       substr(rest, instr(rest, char(10)) + 1)
	FROM split WHERE rest <> ''
)
INSERT INTO ref_line SELECT file, n, trim(line) FROM split
WHERE line IS NOT NULL AND trim(line) <> '' AND line NOT LIKE '#%';

INSERT INTO mahalle (name, created_at, created_by, updated_at, updated_by)
SELECT line, '2026-01-01 00:00:00', 'hane', '2026-01-01 00:00:00', 'hane'
FROM ref_line WHERE file = 'izmit-mahalleler.txt' ORDER BY n;

INSERT INTO district (name, created_at, created_by, updated_at, updated_by)
SELECT line, '2026-01-01 00:00:00', 'hane', '2026-01-01 00:00:00', 'hane'
FROM ref_line WHERE file = 'kocaeli-ilceler.txt' ORDER BY n;

-- holidays.txt: DATE<TAB>full|half<TAB>name.
INSERT INTO holiday (day, name, half, created_at, created_by, updated_at,
		     updated_by)
SELECT substr(line, 1, 10), substr(line, instr(substr(line, 12), char(9)) + 12),
       substr(line, 12, 4) = 'half',
       '2026-01-01 00:00:00', 'hane', '2026-01-01 00:00:00', 'hane'
FROM ref_line WHERE file = 'holidays.txt' ORDER BY n;

-- Taxi kept its own list: the fixed days are known without rows now, and
-- any other day an administrator added joins the one list.
INSERT OR IGNORE INTO holiday (day, name, half, created_at, created_by,
			       updated_at, updated_by)
SELECT day, name, 0, created_at, created_by, updated_at, updated_by
FROM taxi_holiday
WHERE substr(day, 6) NOT IN ('01-01', '04-23', '05-01', '05-19', '07-15',
			     '08-30', '10-29');
DROP TABLE taxi_holiday;
DROP TABLE ref_line;
