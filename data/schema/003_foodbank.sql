-- 003: the food bank (Gıda Bankası): branches, markets, donations, market
-- supplies, referrals (eligibility), package types and distributions.
--
-- Quantities are integer thousandths of their unit (qty_milli: 2,5 kg is
-- 2500) so stock sums stay exact; money is integer kuruş; dates ISO text.
-- Categories and units are codes checked by the model (include/hane/
-- foodbank.h); the words on screen come from data/i18n/foodbank.def.
-- Nothing here refers to the inspection unit's tables: a referral from an
-- inspection decision keeps the decision's id as a plain number, so this
-- migration applies whether or not 002 exists.

-- Donation points. days: the ISO weekdays it collects on, as digits
-- (1 = Monday … 7 = Sunday), e.g. '135' for Monday, Wednesday, Friday.
CREATE TABLE fb_branch (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE,
	days TEXT NOT NULL DEFAULT '',
	active INTEGER NOT NULL DEFAULT 1,
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT
);

-- Markets (suppliers) that give fresh produce and delicatessen weekly.
CREATE TABLE fb_market (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE,
	phone TEXT,
	active INTEGER NOT NULL DEFAULT 1,
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT
);

-- A donation taken at a branch counter. off_day marks one taken on a day
-- the branch does not collect (accepted, with a warning at the time).
CREATE TABLE fb_donation (
	id INTEGER PRIMARY KEY,
	branch_id INTEGER NOT NULL REFERENCES fb_branch (id),
	date TEXT NOT NULL,
	donor_person_id INTEGER REFERENCES person (id),
	donor_name TEXT,
	value_kurus INTEGER NOT NULL DEFAULT 0 CHECK (value_kurus >= 0),
	off_day INTEGER NOT NULL DEFAULT 0,
	notes TEXT,
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT
);
CREATE INDEX fb_donation_date ON fb_donation (date, branch_id);
CREATE INDEX fb_donation_branch ON fb_donation (branch_id, date);

CREATE TABLE fb_donation_item (
	id INTEGER PRIMARY KEY,
	donation_id INTEGER NOT NULL REFERENCES fb_donation (id),
	category TEXT NOT NULL,
	unit TEXT NOT NULL,
	qty_milli INTEGER NOT NULL CHECK (qty_milli > 0),
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT
);
CREATE INDEX fb_donation_item_donation ON fb_donation_item (donation_id);

-- A market's delivery, received at a branch (which is where it counts in
-- stock).
CREATE TABLE fb_supply (
	id INTEGER PRIMARY KEY,
	date TEXT NOT NULL,
	market_id INTEGER NOT NULL REFERENCES fb_market (id),
	branch_id INTEGER NOT NULL REFERENCES fb_branch (id),
	category TEXT NOT NULL
		CHECK (category IN ('vegetable', 'fruit', 'deli')),
	unit TEXT NOT NULL CHECK (unit IN ('kg', 'adet')),
	qty_milli INTEGER NOT NULL CHECK (qty_milli > 0),
	value_kurus INTEGER NOT NULL DEFAULT 0 CHECK (value_kurus >= 0),
	notes TEXT,
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT
);
CREATE INDEX fb_supply_date ON fb_supply (date, market_id);
CREATE INDEX fb_supply_branch ON fb_supply (branch_id, category);

-- Why a household may receive food: an approved inspection decision of
-- kind food (source 'inspection', decision_id set, written by the
-- inspection unit through hane_foodbank_refer()) or a manual referral with
-- its reason. Valid from valid_from to valid_until (NULL: open-ended).
CREATE TABLE fb_referral (
	id INTEGER PRIMARY KEY,
	household_id INTEGER NOT NULL REFERENCES household (id),
	source TEXT NOT NULL CHECK (source IN ('inspection', 'manual')),
	decision_id INTEGER,
	reason TEXT,
	valid_from TEXT NOT NULL,
	valid_until TEXT,
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT,
	CHECK (source = 'manual' OR decision_id IS NOT NULL),
	CHECK (source = 'inspection' OR length(reason) > 0)
);
CREATE INDEX fb_referral_household ON fb_referral (household_id, valid_from);
CREATE UNIQUE INDEX fb_referral_decision ON fb_referral (decision_id)
	WHERE source = 'inspection';

-- Package types and their frequency limit: at most one package of a type
-- per household within limit_days (0: no limit). per_person: contents
-- scale with household size (see fb_package_item).
CREATE TABLE fb_package_type (
	id INTEGER PRIMARY KEY,
	code TEXT NOT NULL UNIQUE,
	name_tr TEXT NOT NULL,
	name_en TEXT NOT NULL,
	limit_days INTEGER NOT NULL DEFAULT 0 CHECK (limit_days >= 0),
	active INTEGER NOT NULL DEFAULT 1,
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT
);

-- The contents of a package for a household of n persons:
-- base_milli + per_person_milli * n of the unit.
CREATE TABLE fb_package_item (
	id INTEGER PRIMARY KEY,
	package_id INTEGER NOT NULL REFERENCES fb_package_type (id),
	category TEXT NOT NULL,
	unit TEXT NOT NULL,
	base_milli INTEGER NOT NULL DEFAULT 0,
	per_person_milli INTEGER NOT NULL DEFAULT 0,
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT
);
CREATE INDEX fb_package_item_package ON fb_package_item (package_id);

-- A package given to a household. override_reason is set only when a
-- supervisor let it through the frequency limit (the override is also an
-- audit event "foodbank.override").
CREATE TABLE fb_distribution (
	id INTEGER PRIMARY KEY,
	household_id INTEGER NOT NULL REFERENCES household (id),
	date TEXT NOT NULL,
	branch_id INTEGER NOT NULL REFERENCES fb_branch (id),
	package_id INTEGER NOT NULL REFERENCES fb_package_type (id),
	members INTEGER NOT NULL DEFAULT 1,
	value_kurus INTEGER NOT NULL DEFAULT 0 CHECK (value_kurus >= 0),
	referral_id INTEGER REFERENCES fb_referral (id),
	override_reason TEXT,
	notes TEXT,
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT
);
CREATE INDEX fb_distribution_household
	ON fb_distribution (household_id, package_id, date);
CREATE INDEX fb_distribution_date ON fb_distribution (date);

CREATE TABLE fb_distribution_item (
	id INTEGER PRIMARY KEY,
	distribution_id INTEGER NOT NULL REFERENCES fb_distribution (id),
	category TEXT NOT NULL,
	unit TEXT NOT NULL,
	qty_milli INTEGER NOT NULL CHECK (qty_milli > 0),
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT
);
CREATE INDEX fb_distribution_item_distribution
	ON fb_distribution_item (distribution_id);

-- ---- Reference data --------------------------------------------------------
-- Collection days are a plausible starting plan, staggered so that one
-- collection van can serve neighbouring branches on alternate days: the
-- administrator changes them with `hane foodbank days`.
INSERT INTO fb_branch (name, days, created_at, updated_at, created_by,
		       updated_by) VALUES
	('İzmit', '135', datetime('now', '+3 hours'),
	 datetime('now', '+3 hours'), 'migration', 'migration'),
	('Outlet', '246', datetime('now', '+3 hours'),
	 datetime('now', '+3 hours'), 'migration', 'migration'),
	('Dolphin', '135', datetime('now', '+3 hours'),
	 datetime('now', '+3 hours'), 'migration', 'migration'),
	('Karamürsel', '246', datetime('now', '+3 hours'),
	 datetime('now', '+3 hours'), 'migration', 'migration'),
	('Başiskele', '135', datetime('now', '+3 hours'),
	 datetime('now', '+3 hours'), 'migration', 'migration'),
	('Gölcük', '246', datetime('now', '+3 hours'),
	 datetime('now', '+3 hours'), 'migration', 'migration');

-- Synthetic names: the real suppliers are entered by the administrator.
INSERT INTO fb_market (name, created_at, updated_at, created_by,
		       updated_by)
	SELECT 'Market ' || n || ' (örnek)', datetime('now', '+3 hours'),
	       datetime('now', '+3 hours'), 'migration', 'migration'
	FROM (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3
	      UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6
	      UNION ALL SELECT 7);

INSERT INTO fb_package_type (code, name_tr, name_en, limit_days,
			     created_at, updated_at, created_by, updated_by)
VALUES
	('standard', 'Standart paket', 'Standard package', 30,
	 datetime('now', '+3 hours'), datetime('now', '+3 hours'),
	 'migration', 'migration'),
	('fresh', 'Taze ürün', 'Fresh produce', 7,
	 datetime('now', '+3 hours'), datetime('now', '+3 hours'),
	 'migration', 'migration'),
	('baby', 'Bebek paketi', 'Baby package', 30,
	 datetime('now', '+3 hours'), datetime('now', '+3 hours'),
	 'migration', 'migration'),
	('cleaning', 'Temizlik paketi', 'Cleaning package', 30,
	 datetime('now', '+3 hours'), datetime('now', '+3 hours'),
	 'migration', 'migration'),
	('emergency', 'Acil yardım', 'Emergency aid', 0,
	 datetime('now', '+3 hours'), datetime('now', '+3 hours'),
	 'migration', 'migration');

-- Standard package: 5 kg dry food + 2 kg per person, 2 + 1 cans per
-- person, 1 + 0,5 l oil per person. Fresh: 2 + 1 kg vegetables and
-- 1 + 1 kg fruit per person. Baby: 10 pieces. Cleaning: 3 + 1 pieces.
INSERT INTO fb_package_item (package_id, category, unit, base_milli,
			     per_person_milli, created_at, updated_at,
			     created_by, updated_by)
	SELECT p.id, i.category, i.unit, i.base, i.per,
	       datetime('now', '+3 hours'), datetime('now', '+3 hours'),
	       'migration', 'migration'
	FROM fb_package_type p JOIN (
		SELECT 'standard' AS code, 'dry_food' AS category,
		       'kg' AS unit, 5000 AS base, 2000 AS per
		UNION ALL SELECT 'standard', 'canned', 'adet', 2000, 1000
		UNION ALL SELECT 'standard', 'oil', 'lt', 1000, 500
		UNION ALL SELECT 'fresh', 'vegetable', 'kg', 2000, 1000
		UNION ALL SELECT 'fresh', 'fruit', 'kg', 1000, 1000
		UNION ALL SELECT 'baby', 'baby', 'adet', 10000, 0
		UNION ALL SELECT 'cleaning', 'cleaning', 'adet', 3000, 1000
	) i ON i.code = p.code;
